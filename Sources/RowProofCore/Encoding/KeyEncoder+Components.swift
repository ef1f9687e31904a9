extension KeyEncoder {
    /// Appends a boolean component (false sorts first).
    @inlinable
    public mutating func appendBool(_ value: Bool) {
        buffer.write(maximumCount: 2) { destination in
            destination[0] = KeyTag.bool.rawValue
            destination[1] = value ? 1 : 0
            return 2
        }
        components += 1
    }

    /// Appends an integer component of any width.
    @inlinable
    public mutating func appendInteger(_ value: Int64) {
        appendFixed(tag: .integer, UInt64(bitPattern: value) ^ 0x8000_0000_0000_0000)
    }

    /// Appends a decimal-typed component; it must be integral and fit a signed 64-bit integer.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/unsupportedKeyType`` for a fractional, larger
    ///   or special decimal.
    public mutating func appendDecimal(_ value: CanonicalDecimal) throws(CanonicalError) {
        guard let integer = value.int64Value else {
            throw error(
                .unsupportedKeyType,
                "the decimal key \(value) is not an integer in the signed 64-bit range; "
                    + "only integral decimal keys have an order-preserving encoding (key on another column)"
            )
        }
        appendInteger(integer)
    }

    /// Appends a decimal-typed component given as `unscaled × 10^-scale` (Postgres `numeric`).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/unsupportedKeyType`` unless the value is
    ///   integral and fits a signed 64-bit integer.
    public mutating func appendDecimal(unscaled: Int64, scale: Int32) throws(CanonicalError) {
        if scale == 0 {
            appendInteger(unscaled)
            return
        }
        let decimal: CanonicalDecimal
        do {
            decimal = try CanonicalDecimal(unscaled: Int128(unscaled), scale: scale)
        } catch {
            throw attributed(error)
        }
        try appendDecimal(decimal)
    }

    /// Reports a NULL key component: every key component must have a value.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/nullKey`` always.
    public mutating func appendNull() throws(CanonicalError) {
        throw error(.nullKey, "a key column is NULL; every key component must have a value (exclude or fix the row)")
    }

    /// Appends a text component from UTF-8 bytes, exactly as stored (not normalized).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidUTF8`` naming the byte and offset.
    @inlinable
    public mutating func appendText(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        if case .failure(let failure) = UTF8Validator.validate(bytes) { throw attributed(failure) }
        appendEscaped(tag: .text, bytes)
    }

    /// Appends a text component, exactly as given (not normalized).
    public mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped(tag: .text, UnsafeRawBufferPointer($0)) }
    }

    /// Appends a bytes component.
    @inlinable
    public mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        appendEscaped(tag: .bytes, raw)
    }

    /// Appends a date component (days since 1970-01-01).
    @inlinable
    public mutating func appendDate(days: Int32) {
        appendFixed(tag: .date, UInt32(bitPattern: days) ^ 0x8000_0000)
    }

    /// Appends a time-of-day component (microseconds since midnight).
    @inlinable
    public mutating func appendTime(micros: Int64) {
        appendFixed(tag: .time, UInt64(bitPattern: micros) ^ 0x8000_0000_0000_0000)
    }

    /// Appends a timestamp component (UTC microseconds since the epoch).
    @inlinable
    public mutating func appendTimestamp(micros: Int64) {
        appendFixed(tag: .timestamp, UInt64(bitPattern: micros) ^ 0x8000_0000_0000_0000)
    }

    /// Appends a UUID component given as its 16 bytes in RFC 4122 order.
    ///
    /// - Precondition: `raw.count == 16`.
    @inlinable
    public mutating func appendUUID(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count == 16, "KeyEncoder.appendUUID: a UUID has 16 bytes, got \(raw.count)")
        buffer.write(maximumCount: 1) { destination in
            destination[0] = KeyTag.uuid.rawValue
            return 1
        }
        buffer.append(raw)
        components += 1
    }

    /// Appends a UUID component.
    public mutating func appendUUID(_ uuid: UUIDBytes) {
        withUnsafeBytes(of: uuid.bytes) { appendUUID($0) }
    }

    @inlinable
    mutating func appendFixed<T: FixedWidthInteger>(tag: KeyTag, _ value: T) {
        let size = MemoryLayout<T>.size
        buffer.write(maximumCount: 1 + size) { destination in
            destination[0] = tag.rawValue
            UnsafeMutableRawPointer(destination + 1).storeBytes(of: value.bigEndian, as: T.self)
            return 1 + size
        }
        components += 1
    }

    /// Writes `tag`, the bytes with each 0x00 as 0x00 0xFF, and the terminator 0x00 0x00.
    @inlinable
    mutating func appendEscaped(tag: KeyTag, _ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        buffer.write(maximumCount: 3 + 2 * count) { destination in
            destination[0] = tag.rawValue
            var cursor = destination + 1
            for byte in bytes {
                cursor.pointee = byte
                cursor += 1
                if byte == 0 {
                    cursor.pointee = 0xFF
                    cursor += 1
                }
            }
            cursor[0] = 0
            cursor[1] = 0
            return cursor + 2 - destination
        }
        components += 1
    }

    @usableFromInline
    func attributed(_ failure: CanonicalError) -> CanonicalError {
        error(failure.code, failure.detail)
    }
}
