extension RowEncoder {
    /// Starts an array value of `count` elements; append exactly `count` elements next.
    ///
    /// The array closes itself after its last element (immediately when `count` is 0).
    /// - Throws: ``CanonicalError/Code-swift.enum/unsupportedType`` inside another array (only
    ///   one-dimensional arrays have an encoding).
    public mutating func beginArray(count: Int) throws(CanonicalError) {
        guard openArrayStart < 0 else {
            throw error(
                .unsupportedType,
                "a nested array has no canonical encoding; only one-dimensional arrays are supported"
            )
        }
        precondition(
            count >= 0 && count <= Int(UInt32.max),
            "RowEncoder.beginArray(count:): count \(count) out of range"
        )
        let start = buffer.count
        buffer.appendHeader(tag: .array, payloadLength: 0)
        buffer.write(maximumCount: 4) { destination in
            UnsafeMutableRawPointer(destination).storeBytes(of: UInt32(count).bigEndian, as: UInt32.self)
            return 4
        }
        if count == 0 {
            buffer.patch(4, at: start + 1)
            valueCount += 1
        } else {
            openArrayStart = start
            openArrayRemaining = count
            openArrayCount = count
        }
    }

    /// Appends an array of materialized values (elements may be `.null`).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/unsupportedType`` for a nested array, or any
    ///   error of an element.
    public mutating func appendArray(_ values: [CanonicalValue]) throws(CanonicalError) {
        try beginArray(count: values.count)
        for value in values { try append(value) }
    }

    /// Index of the element being written in the open array.
    var openArrayElementIndex: Int { openArrayCount - openArrayRemaining }

    @usableFromInline
    mutating func didAppendArrayElement() {
        openArrayRemaining -= 1
        if openArrayRemaining == 0 {
            let payloadLength = buffer.count - openArrayStart - 5
            buffer.patch(UInt32(truncatingIfNeeded: payloadLength), at: openArrayStart + 1)
            openArrayStart = -1
            valueCount += 1
        }
    }
}
