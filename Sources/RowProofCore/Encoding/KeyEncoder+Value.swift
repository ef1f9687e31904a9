extension KeyEncoder {
    /// Appends a materialized key component.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/nullKey`` for `.null`,
    ///   ``CanonicalError/Code-swift.enum/unsupportedKeyType`` for float, JSON, interval, array
    ///   and non-integral decimal components.
    public mutating func append(_ value: CanonicalValue) throws(CanonicalError) {
        switch value {
        case .null: try appendNull()
        case .bool(let flag): appendBool(flag)
        case .decimal(let decimal): try appendDecimal(decimal)
        case .text(let text): appendText(text)
        case .bytes(let bytes): bytes.withUnsafeBytes { appendBytes($0) }
        case .date(let days): appendDate(days: days)
        case .time(let micros): appendTime(micros: micros)
        case .timestamp(let micros): appendTimestamp(micros: micros)
        case .uuid(let uuid): appendUUID(uuid)
        case .float, .json, .interval, .array:
            throw error(
                .unsupportedKeyType,
                "a \(value.typeName) value cannot be a key component; keys may be integer, integral decimal, "
                    + "text, bytes, date, time, timestamp, uuid or bool"
            )
        }
    }

    /// The key encoding of `values`, which must have exactly `expectedArity` components.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/keyArity`` for a different number of values,
    ///   else the first component's error.
    public static func encode(_ values: [CanonicalValue], expectedArity: Int) throws(CanonicalError) -> [UInt8] {
        guard values.count == expectedArity else {
            throw CanonicalError(
                .keyArity,
                "the key has \(values.count) component(s) but the job has \(expectedArity) key column(s)"
            )
        }
        var encoder = KeyEncoder()
        for value in values { try encoder.append(value) }
        return encoder.bytes
    }
}

extension CanonicalValue {
    /// The spec's name of this value's type (`"text"`, `"decimal"`, ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .decimal: "decimal"
        case .float: "float"
        case .text: "text"
        case .bytes: "bytes"
        case .date: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .interval: "interval"
        case .uuid: "uuid"
        case .json: "json"
        case .array: "array"
        }
    }
}
