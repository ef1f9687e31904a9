import RowProofCore

extension VectorValue {
    /// Appends this value through the encoder's per-value API (the path sources use).
    func append(to encoder: inout RowEncoder) throws {
        switch type {
        case "null": encoder.appendNull()
        case "bool":
            guard let flag = value?.bool else { throw VectorFormatError("bool without a boolean value") }
            encoder.appendBool(flag)
        case "decimal": encoder.appendDecimal(try CanonicalDecimal(parsing: try string()))
        case "float":
            guard let bits else { throw VectorFormatError("float without bits") }
            encoder.appendFloat(try FloatBits.parse(bits))
        case "text":
            let bytes = try rawBytes()
            try bytes.withUnsafeBytes { raw in try encoder.appendText(utf8: raw) }
        case "bytes": try rawBytes().withUnsafeBytes { encoder.appendBytes($0) }
        case "date": encoder.appendDate(days: try TemporalParser.parseDate(try string()))
        case "time": encoder.appendTime(micros: try TemporalParser.parseTime(try string()))
        case "timestamp": encoder.appendTimestamp(micros: try TemporalParser.parseTimestamp(try string()))
        case "interval":
            guard let months, let days, let micros else {
                throw VectorFormatError("interval without months/days/micros")
            }
            encoder.appendInterval(months: months, days: days, micros: micros)
        case "uuid": encoder.appendUUID(try UUIDBytes(parsing: try string()))
        case "json":
            let bytes = Array(try string().utf8)
            try bytes.withUnsafeBytes { raw in try encoder.appendJSON(utf8: raw) }
        case "array":
            let elements = elements ?? []
            try encoder.beginArray(count: elements.count)
            for element in elements { try element.append(to: &encoder) }
        default:
            throw VectorFormatError("unknown vector value type \(type)")
        }
    }

    /// Appends this value as a key component.
    func append(to encoder: inout KeyEncoder) throws {
        switch type {
        case "decimal": try encoder.appendDecimal(try CanonicalDecimal(parsing: try string()))
        case "text":
            let bytes = try rawBytes()
            try bytes.withUnsafeBytes { raw in try encoder.appendText(utf8: raw) }
        case "bytes": try rawBytes().withUnsafeBytes { encoder.appendBytes($0) }
        default: try encoder.append(try materialized())
        }
    }

    /// The value as a ``CanonicalValue`` (text and JSON as strings).
    func materialized() throws -> CanonicalValue {
        switch type {
        case "null": return .null
        case "bool":
            guard let flag = value?.bool else { throw VectorFormatError("bool without a boolean value") }
            return .bool(flag)
        case "decimal": return .decimal(try CanonicalDecimal(parsing: try string()))
        case "float":
            guard let bits else { throw VectorFormatError("float without bits") }
            return .float(try FloatBits.parse(bits))
        case "text":
            let bytes = try rawBytes()
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CanonicalError(.invalidUTF8, "test input is not UTF-8")
            }
            return .text(text)
        case "bytes": return .bytes(try rawBytes())
        case "date": return .date(days: try TemporalParser.parseDate(try string()))
        case "time": return .time(micros: try TemporalParser.parseTime(try string()))
        case "timestamp": return .timestamp(micros: try TemporalParser.parseTimestamp(try string()))
        case "interval":
            guard let months, let days, let micros else {
                throw VectorFormatError("interval without months/days/micros")
            }
            return .interval(months: months, days: days, micros: micros)
        case "uuid": return .uuid(try UUIDBytes(parsing: try string()))
        case "json": return .json(try string())
        case "array": return .array(try (elements ?? []).map { try $0.materialized() })
        default: throw VectorFormatError("unknown vector value type \(type)")
        }
    }
}

extension [VectorValue] {
    /// The canonical bytes and row hash through the per-value encoder API.
    func encodedRow() throws -> (bytes: [UInt8], hash: UInt64) {
        var encoder = RowEncoder()
        for value in self { try value.append(to: &encoder) }
        return (encoder.bytes, encoder.finish())
    }

    /// The key encoding through the per-component API, checking the arity first.
    func encodedKey(arity: Int) throws -> [UInt8] {
        guard count == arity else {
            throw CanonicalError(.keyArity, "the key has \(count) components but the job has \(arity) key columns")
        }
        var encoder = KeyEncoder()
        for value in self { try value.append(to: &encoder) }
        return encoder.bytes
    }
}
