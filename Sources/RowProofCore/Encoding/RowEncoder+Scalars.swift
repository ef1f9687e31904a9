extension RowEncoder {
    /// Appends SQL NULL (tag 0x00, no payload), whatever the column's type.
    @inlinable
    public mutating func appendNull() {
        buffer.appendHeader(tag: .null, payloadLength: 0)
        didAppendValue()
    }

    /// Appends a boolean (one byte, 0x00 or 0x01).
    @inlinable
    public mutating func appendBool(_ value: Bool) {
        buffer.write(maximumCount: 6) { destination in
            destination[0] = ValueTag.bool.rawValue
            UnsafeMutableRawPointer(destination + 1).storeBytes(of: UInt32(1).bigEndian, as: UInt32.self)
            destination[5] = value ? 1 : 0
            return 6
        }
        didAppendValue()
    }

    /// Appends an integer of any width as a canonical decimal (`5` and numeric `5.00` agree).
    @inline(__always) @inlinable
    public mutating func appendInteger(_ value: Int64) {
        let destination = UnsafeMutableRawPointer(buffer.reserve(ValueEmitter.integerCapacity))
        buffer.commit(ValueEmitter.integer(value, at: destination))
        didAppendValue()
    }

    /// Appends the exact decimal `unscaled × 10^-scale`, normalized (Postgres `numeric(p,s)`
    /// as unscaled digits and scale).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/decimalOutOfRange`` when the normalized value
    ///   needs more than 38 digits (only possible for a scale above 38 or below -19).
    @inline(__always) @inlinable
    public mutating func appendDecimal(unscaled: Int64, scale: Int32) throws(CanonicalError) {
        guard _fastPath(ValueEmitter.isCompactDecimal(unscaled: unscaled, scale: scale)) else {
            try appendDecimalInGeneral(unscaled: unscaled, scale: scale)
            return
        }
        let destination = UnsafeMutableRawPointer(buffer.reserve(ValueEmitter.compactDecimalCapacity))
        buffer.commit(ValueEmitter.compactDecimal(unscaled: unscaled, scale: scale, at: destination))
        didAppendValue()
    }

    /// ``appendDecimal(unscaled:scale:)`` for zero, scales of 0, above 8 or negative, and
    /// magnitudes of 17 digits or more.
    @usableFromInline
    mutating func appendDecimalInGeneral(unscaled: Int64, scale: Int32) throws(CanonicalError) {
        if scale == 0 || unscaled == 0 {
            appendInteger(scale == 0 ? unscaled : 0)
            return
        }
        guard scale > 0 else {
            try appendDecimal(CanonicalDecimal(unscaled: Int128(unscaled), scale: scale))
            return
        }
        var magnitude = unscaled.magnitude
        var fractionDigits = Int(scale)
        while fractionDigits > 0, magnitude % 10 == 0 {
            magnitude /= 10
            fractionDigits -= 1
        }
        guard fractionDigits <= CanonicalDecimal.maximumDigits else {
            throw decimalOutOfRange(unscaled: unscaled, scale: scale)
        }
        let digits = DecimalDigits.count(magnitude)
        let isNegative = unscaled < 0
        let payloadLength = DecimalDigits.textLength(digitCount: digits, scale: fractionDigits, isNegative: isNegative)
        buffer.write(maximumCount: 5 + payloadLength) { destination in
            destination[0] = ValueTag.decimal.rawValue
            UnsafeMutableRawPointer(destination + 1).storeBytes(of: UInt32(payloadLength).bigEndian, as: UInt32.self)
            let written = DecimalDigits.writeText(
                magnitude: magnitude,
                digitCount: digits,
                scale: fractionDigits,
                isNegative: isNegative,
                to: destination + 5
            )
            return 5 + written
        }
        didAppendValue()
    }

    /// Appends a decimal (or one of `NaN`, `Infinity`, `-Infinity`).
    public mutating func appendDecimal(_ value: CanonicalDecimal) {
        let payloadLength = value.canonicalTextLength
        buffer.write(maximumCount: 5 + payloadLength) { destination in
            destination[0] = ValueTag.decimal.rawValue
            UnsafeMutableRawPointer(destination + 1).storeBytes(of: UInt32(payloadLength).bigEndian, as: UInt32.self)
            return 5 + value.writeCanonicalText(to: destination + 5)
        }
        didAppendValue()
    }

    /// Appends a binary64 (float4 values widen exactly): -0 becomes 0, every NaN one NaN.
    @inline(__always) @inlinable
    public mutating func appendFloat(_ value: Double) {
        appendFixed(tag: .float, ValueEmitter.floatBits(value))
    }

    /// Appends a binary32 (`real`, `float4`), widened exactly to binary64 first.
    @inlinable
    public mutating func appendFloat(widening value: Float) {
        appendFloat(Double(value))
    }

    /// Appends raw bytes (`bytea`, `BLOB`).
    @inlinable
    public mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        buffer.appendValue(tag: .bytes, payload: raw)
        didAppendValue()
    }

    /// Appends a date as days since 1970-01-01 (`Int32.max`/`Int32.min` are +/-infinity).
    @inlinable
    public mutating func appendDate(days: Int32) {
        appendFixed(tag: .date, days)
    }

    /// Appends a time of day as microseconds since midnight (0 through 86 400 000 000; the
    /// value is written as given, so decoders convert zoned times to UTC first).
    @inlinable
    public mutating func appendTime(micros: Int64) {
        appendFixed(tag: .time, micros)
    }

    /// Appends a timestamp as UTC microseconds since the epoch (`Int64.max`/`Int64.min` are +/-infinity).
    @inline(__always) @inlinable
    public mutating func appendTimestamp(micros: Int64) {
        appendFixed(tag: .timestamp, micros)
    }

    /// Appends an interval; its fields are kept apart (1 month and 30 days differ).
    @inlinable
    public mutating func appendInterval(months: Int32, days: Int32, micros: Int64) {
        buffer.write(maximumCount: 21) { destination in
            let raw = UnsafeMutableRawPointer(destination)
            destination[0] = ValueTag.interval.rawValue
            raw.storeBytes(of: UInt32(16).bigEndian, toByteOffset: 1, as: UInt32.self)
            raw.storeBytes(of: months.bigEndian, toByteOffset: 5, as: Int32.self)
            raw.storeBytes(of: days.bigEndian, toByteOffset: 9, as: Int32.self)
            raw.storeBytes(of: micros.bigEndian, toByteOffset: 13, as: Int64.self)
            return 21
        }
        didAppendValue()
    }

    /// Appends a UUID given as its 16 bytes in RFC 4122 order.
    ///
    /// - Precondition: `raw.count == 16` (a decoder handing over anything else is a bug; parse
    ///   text UUIDs with ``UUIDBytes/init(parsing:)`` first).
    @inlinable
    public mutating func appendUUID(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count == 16, "RowEncoder.appendUUID: a UUID has 16 bytes, got \(raw.count)")
        buffer.appendValue(tag: .uuid, payload: raw)
        didAppendValue()
    }

    /// Appends a UUID.
    public mutating func appendUUID(_ uuid: UUIDBytes) {
        withUnsafeBytes(of: uuid.bytes) { appendUUID($0) }
    }

    /// Appends a fixed-width big-endian payload.
    @inline(__always) @inlinable
    mutating func appendFixed<T: FixedWidthInteger>(tag: ValueTag, _ value: T) {
        let destination = UnsafeMutableRawPointer(buffer.reserve(5 + MemoryLayout<T>.size))
        buffer.commit(ValueEmitter.fixed(tag: tag, value, at: destination))
        didAppendValue()
    }
}
