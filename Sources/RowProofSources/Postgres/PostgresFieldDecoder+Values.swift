import RowProofCore

extension PostgresFieldDecoder {
    /// Decodes one non-NULL binary value and appends it to the row being written.
    ///
    /// - Parameters:
    ///   - raw: The value's bytes (the field length already checked against the message).
    /// - Throws: The canonical error of a value with no canonical form (bad UTF-8, JSON, a decimal
    ///   beyond 38 digits, a multi-dimensional array, a truncated value); the caller names the column.
    @inline(__always)
    func append(_ raw: UnsafeRawBufferPointer, to encoder: inout RowWriter) throws(CanonicalError) {
        switch self {
        case .int2:
            try Self.expect(raw, 2)
            encoder.appendInteger(Int64(PostgresBinary.int16(raw, 0)))
        case .int4:
            try Self.expect(raw, 4)
            encoder.appendInteger(Int64(PostgresBinary.int32(raw, 0)))
        case .int8:
            try Self.expect(raw, 8)
            encoder.appendInteger(PostgresBinary.int64(raw, 0))
        case .oid:
            try Self.expect(raw, 4)
            encoder.appendInteger(Int64(PostgresBinary.uint32(raw, 0)))
        case .numeric:
            try PostgresNumeric.append(raw, to: &encoder)
        case .float4:
            try Self.expect(raw, 4)
            encoder.appendFloat(Double(Float(bitPattern: PostgresBinary.uint32(raw, 0))))
        case .float8:
            try Self.expect(raw, 8)
            encoder.appendFloat(Double(bitPattern: PostgresBinary.uint64(raw, 0)))
        case .text, .char:
            try encoder.appendText(utf8: raw)
        case .bpchar(let trimsPadding):
            try encoder.appendText(utf8: trimsPadding ? Self.trimmingBlanks(raw) : raw)
        case .bool:
            try Self.expect(raw, 1)
            encoder.appendBool(raw[0] != 0)
        case .date:
            try Self.expect(raw, 4)
            encoder.appendDate(days: try Self.days(raw))
        case .time:
            try Self.expect(raw, 8)
            encoder.appendTime(micros: PostgresBinary.int64(raw, 0))
        case .timetz:
            try Self.expect(raw, 12)
            encoder.appendTime(micros: Self.utcTime(raw))
        case .timestamp:
            try Self.expect(raw, 8)
            encoder.appendTimestamp(micros: try Self.micros(raw))
        case .interval:
            try Self.expect(raw, 16)
            encoder.appendInterval(
                months: PostgresBinary.int32(raw, 12),
                days: PostgresBinary.int32(raw, 8),
                micros: PostgresBinary.int64(raw, 0)
            )
        case .uuid:
            try Self.expect(raw, 16)
            encoder.appendUUID(raw)
        case .json:
            try encoder.appendJSON(utf8: raw)
        case .jsonb:
            guard raw.count >= 1, raw[0] == 1 else {
                throw CanonicalError(.malformedEncoding, "jsonb binary version \(raw.first ?? 0) is not 1")
            }
            try encoder.appendJSON(utf8: UnsafeRawBufferPointer(rebasing: raw[1...]))
        case .bytea:
            encoder.appendBytes(raw)
        case .array(let element):
            try Self.appendArray(raw, element: element, to: &encoder)
        }
    }

    /// Array binary format: ndim, has-nulls flag, element oid, (size, lower bound) per
    /// dimension, then each element as a length (−1 for NULL) and its bytes.
    private static func appendArray(
        _ raw: UnsafeRawBufferPointer,
        element: PostgresFieldDecoder,
        to encoder: inout RowWriter
    ) throws(CanonicalError) {
        guard raw.count >= 12 else { throw truncated(raw.count) }
        let dimensions = PostgresBinary.int32(raw, 0)
        if dimensions == 0 {
            try encoder.beginArray(count: 0)
            return
        }
        guard dimensions == 1 else {
            throw CanonicalError(
                .unsupportedType,
                "a \(dimensions)-dimensional array has no canonical encoding; only one-dimensional arrays are supported "
                    + "(unnest it or cast it to text in a view)"
            )
        }
        guard raw.count >= 20 else { throw truncated(raw.count) }
        let count = Int(PostgresBinary.int32(raw, 12))
        try encoder.beginArray(count: count)
        var offset = 20
        for _ in 0..<count {
            guard raw.count - offset >= 4 else { throw truncated(raw.count) }
            let length = Int(PostgresBinary.int32(raw, offset))
            offset += 4
            if length < 0 {
                encoder.appendNull()
                continue
            }
            guard raw.count - offset >= length else { throw truncated(raw.count) }
            try element.append(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), to: &encoder)
            offset += length
        }
    }

    @inline(__always)
    static func expect(_ raw: UnsafeRawBufferPointer, _ count: Int, ) throws(CanonicalError) {
        guard raw.count == count else {
            throw CanonicalError(.malformedEncoding, "expected a \(count)-byte binary value, got \(raw.count) bytes")
        }
    }

    static func truncated(_ count: Int) -> CanonicalError {
        CanonicalError(.malformedEncoding, "a binary array value of \(count) bytes is truncated")
    }

    /// `raw` without its trailing blanks (`char(n)` padding).
    @inline(__always)
    static func trimmingBlanks(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var end = raw.count
        while end > 0, raw[end - 1] == 0x20 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: raw[..<end])
    }

    /// A binary date as days since 1970-01-01; ±infinity map to the spec's sentinels.
    @inline(__always)
    static func days(_ raw: UnsafeRawBufferPointer, ) throws(CanonicalError) -> Int32 {
        let days = PostgresBinary.int32(raw, 0)
        if days == .max || days == .min { return days }
        let (shifted, overflow) = days.addingReportingOverflow(PostgresBinary.epochDays)
        guard !overflow, shifted != .max else {
            throw CanonicalError(.invalidTemporal, "the date is beyond the range of the canonical encoding")
        }
        return shifted
    }

    /// A binary timestamp as UTC microseconds since 1970; ±infinity map to the spec's sentinels.
    @inline(__always)
    static func micros(_ raw: UnsafeRawBufferPointer, ) throws(CanonicalError) -> Int64 {
        let micros = PostgresBinary.int64(raw, 0)
        if micros == .max || micros == .min { return micros }
        let (shifted, overflow) = micros.addingReportingOverflow(PostgresBinary.epochMicros)
        guard !overflow, shifted != .max else {
            throw CanonicalError(.invalidTemporal, "the timestamp is beyond the range of the canonical encoding")
        }
        return shifted
    }

    /// A `timetz` (microseconds, then the zone in seconds west of UTC) as UTC time of day.
    static func utcTime(_ raw: UnsafeRawBufferPointer) -> Int64 {
        let local = PostgresBinary.int64(raw, 0)
        let west = Int64(PostgresBinary.int32(raw, 8))
        let utc = (local + west * 1_000_000) % PostgresBinary.microsPerDay
        return utc < 0 ? utc + PostgresBinary.microsPerDay : utc
    }
}
