import RowProofCore

extension PostgresFieldDecoder {
    /// Decodes one binary key value and appends it to `encoder` as a key component.
    ///
    /// - Throws: `UNSUPPORTED_KEY_TYPE` for types that cannot be keys (float, JSON, interval,
    ///   arrays, fractional decimals); the caller names the column.
    @inline(__always)
    func appendKey(_ raw: UnsafeRawBufferPointer, to encoder: inout KeyEncoder) throws(CanonicalError) {
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
            try encoder.appendDecimal(try PostgresNumeric.decimal(raw))
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
        case .uuid:
            try Self.expect(raw, 16)
            encoder.appendUUID(raw)
        case .bytea:
            encoder.appendBytes(raw)
        case .float4, .float8, .interval, .json, .jsonb, .array:
            throw CanonicalError(
                .unsupportedKeyType,
                "a \(logicalType) value cannot be a key component; key on integer, text, bytes, date, time, "
                    + "timestamp, uuid or bool columns"
            )
        }
    }
}
