extension RowWriter {
    /// Appends SQL NULL; see ``RowEncoder/appendNull()``.
    @inlinable @inline(__always)
    public mutating func appendNull() {
        ValueEmitter.header(tag: .null, payloadLength: 0, at: reserve(5))
        commit(5)
    }

    /// Appends a boolean; see ``RowEncoder/appendBool(_:)``.
    @inlinable @inline(__always)
    public mutating func appendBool(_ value: Bool) {
        let destination = reserve(6)
        ValueEmitter.header(tag: .bool, payloadLength: 1, at: destination)
        destination.storeBytes(of: value ? 1 : 0, toByteOffset: 5, as: UInt8.self)
        commit(6)
    }

    /// Appends an integer; see ``RowEncoder/appendInteger(_:)``.
    @inlinable @inline(__always)
    public mutating func appendInteger(_ value: Int64) {
        commit(ValueEmitter.integer(value, at: reserve(ValueEmitter.integerCapacity)))
    }

    /// Appends `unscaled × 10^-scale`; see ``RowEncoder/appendDecimal(unscaled:scale:)``.
    @inlinable @inline(__always)
    public mutating func appendDecimal(unscaled: Int64, scale: Int32) throws(CanonicalError) {
        guard _fastPath(ValueEmitter.isCompactDecimal(unscaled: unscaled, scale: scale)) else {
            try appendDecimalInGeneral(unscaled: unscaled, scale: scale)
            return
        }
        commit(
            ValueEmitter.compactDecimal(
                unscaled: unscaled,
                scale: scale,
                at: reserve(ValueEmitter.compactDecimalCapacity)
            )
        )
    }

    /// Appends a decimal; see ``RowEncoder/appendDecimal(_:)``.
    public mutating func appendDecimal(_ value: CanonicalDecimal) {
        withEncoder { encoder in encoder.appendDecimal(value) }
    }

    /// Appends a binary64; see ``RowEncoder/appendFloat(_:)``.
    @inlinable @inline(__always)
    public mutating func appendFloat(_ value: Double) {
        commit(ValueEmitter.fixed(tag: .float, ValueEmitter.floatBits(value), at: reserve(13)))
    }

    /// Appends a binary32 widened to binary64; see ``RowEncoder/appendFloat(widening:)``.
    @inlinable @inline(__always)
    public mutating func appendFloat(widening value: Float) {
        appendFloat(Double(value))
    }

    /// Appends text given as UTF-8; see ``RowEncoder/appendText(utf8:)``.
    @inlinable @inline(__always)
    public mutating func appendText(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        let length = bytes.count
        precondition(
            length <= Int(UInt32.max),
            "a canonical value payload is limited to 4 GiB by its u32 length; got \(length) bytes"
        )
        if _fastPath(ValueEmitter.asciiText(bytes, at: reserve(5 &+ length))) {
            commit(5 &+ length)
        } else {
            try appendNonASCIIText(utf8: bytes)
        }
    }

    @usableFromInline @inline(never)
    mutating func appendDecimalInGeneral(unscaled: Int64, scale: Int32) throws(CanonicalError) {
        try withEncoder { (encoder) throws(CanonicalError) in
            try encoder.appendDecimalInGeneral(unscaled: unscaled, scale: scale)
        }
    }

    @usableFromInline @inline(never)
    mutating func appendNonASCIIText(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        try withEncoder { (encoder) throws(CanonicalError) in try encoder.appendNonASCIIText(utf8: bytes) }
    }

    /// Appends text; see ``RowEncoder/appendText(_:)``.
    public mutating func appendText(_ text: String) {
        withEncoder { encoder in encoder.appendText(text) }
    }

    /// Appends raw bytes; see ``RowEncoder/appendBytes(_:)``.
    @inlinable
    public mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        let length = raw.count
        precondition(
            length <= Int(UInt32.max),
            "a canonical value payload is limited to 4 GiB by its u32 length; got \(length) bytes"
        )
        let destination = reserve(5 &+ length)
        ValueEmitter.header(tag: .bytes, payloadLength: length, at: destination)
        if length > 0 { (destination + 5).copyMemory(from: raw.baseAddress!, byteCount: length) }
        commit(5 &+ length)
    }

    /// Appends a date; see ``RowEncoder/appendDate(days:)``.
    @inlinable @inline(__always)
    public mutating func appendDate(days: Int32) {
        commit(ValueEmitter.fixed(tag: .date, days, at: reserve(9)))
    }

    /// Appends a time of day; see ``RowEncoder/appendTime(micros:)``.
    @inlinable @inline(__always)
    public mutating func appendTime(micros: Int64) {
        commit(ValueEmitter.fixed(tag: .time, micros, at: reserve(13)))
    }

    /// Appends a timestamp; see ``RowEncoder/appendTimestamp(micros:)``.
    @inlinable @inline(__always)
    public mutating func appendTimestamp(micros: Int64) {
        commit(ValueEmitter.fixed(tag: .timestamp, micros, at: reserve(13)))
    }

    /// Appends an interval; see ``RowEncoder/appendInterval(months:days:micros:)``.
    public mutating func appendInterval(months: Int32, days: Int32, micros: Int64) {
        withEncoder { encoder in encoder.appendInterval(months: months, days: days, micros: micros) }
    }

    /// Appends a UUID given as its 16 bytes; as ``RowEncoder`` does.
    public mutating func appendUUID(_ raw: UnsafeRawBufferPointer) {
        withEncoder { encoder in encoder.appendUUID(raw) }
    }

    /// Appends a UUID; as ``RowEncoder`` does.
    public mutating func appendUUID(_ uuid: UUIDBytes) {
        withEncoder { encoder in encoder.appendUUID(uuid) }
    }

    /// Appends JSON given as UTF-8; see ``RowEncoder/appendJSON(utf8:)``.
    public mutating func appendJSON(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        try withEncoder { (encoder) throws(CanonicalError) in try encoder.appendJSON(utf8: bytes) }
    }

    /// Starts an array of `count` elements; see ``RowEncoder/beginArray(count:)``.
    public mutating func beginArray(count: Int) throws(CanonicalError) {
        try withEncoder { (encoder) throws(CanonicalError) in try encoder.beginArray(count: count) }
    }

    /// Appends a materialized value; see ``RowEncoder/append(_:)``.
    public mutating func append(_ value: CanonicalValue) throws(CanonicalError) {
        try withEncoder { (encoder) throws(CanonicalError) in try encoder.append(value) }
    }
}
