import RowProofCrypto

extension KeyRange: Codable {
    private enum CodingKeys: String, CodingKey { case lower, upper }

    /// Decodes `{"lower": [values] | null, "upper": [values] | null}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lower = try container.decodeIfPresent([KeyValueJSON].self, forKey: .lower)?.map(\.value)
        upper = try container.decodeIfPresent([KeyValueJSON].self, forKey: .upper)?.map(\.value)
    }

    /// Encodes both bounds; open bounds are written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower?.map(KeyValueJSON.init), forKey: .lower)
        try container.encode(upper?.map(KeyValueJSON.init), forKey: .upper)
    }
}

/// One ``CanonicalValue`` in the readable JSON form of the hashing spec's test vectors:
/// `{"type": "decimal", "value": "42"}`, `{"type": "date", "value": "2024-03-01", "days": 19783}`.
///
/// Temporal values carry their exact number (`days`, `micros`) next to the readable text; the
/// number is what decoding reads.
private struct KeyValueJSON: Codable {
    var value: CanonicalValue

    init(_ value: CanonicalValue) { self.value = value }

    private enum CodingKeys: String, CodingKey { case type, value, hex, bits, days, micros, months, elements }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "null":
            value = .null
        case "bool":
            value = .bool(try container.decode(Bool.self, forKey: .value))
        case "decimal":
            let text = try container.decode(String.self, forKey: .value)
            do {
                value = .decimal(try CanonicalDecimal(parsing: text))
            } catch {
                throw DecodingError.dataCorruptedError(
                    forKey: .value,
                    in: container,
                    debugDescription: error.description
                )
            }
        case "float":
            let bits = try container.decode(String.self, forKey: .bits)
            guard let pattern = UInt64(bits, radix: 16) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .bits,
                    in: container,
                    debugDescription: "\"\(bits)\" is not 16 hex digits of a binary64"
                )
            }
            value = .float(Double(bitPattern: pattern))
        case "text":
            value = .text(try container.decode(String.self, forKey: .value))
        case "bytes":
            value = .bytes(try Self.bytes(container, .hex))
        case "date":
            value = .date(days: try container.decode(Int32.self, forKey: .days))
        case "time":
            value = .time(micros: try container.decode(Int64.self, forKey: .micros))
        case "timestamp":
            value = .timestamp(micros: try container.decode(Int64.self, forKey: .micros))
        case "interval":
            value = .interval(
                months: try container.decode(Int32.self, forKey: .months),
                days: try container.decode(Int32.self, forKey: .days),
                micros: try container.decode(Int64.self, forKey: .micros)
            )
        case "uuid":
            let text = try container.decode(String.self, forKey: .value).replacingHyphens()
            guard let bytes = Hex.decode(text), let uuid = UUIDBytes(bytes) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .value,
                    in: container,
                    debugDescription: "not a UUID (32 hex digits, hyphens allowed)"
                )
            }
            value = .uuid(uuid)
        case "json":
            value = .json(try container.decode(String.self, forKey: .value))
        case "array":
            value = .array(try container.decode([KeyValueJSON].self, forKey: .elements).map(\.value))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type,
                in: container,
                debugDescription: "unknown value type \"\(type)\"; expected null, bool, decimal, float, text, bytes, "
                    + "date, time, timestamp, interval, uuid, json or array"
            )
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch value {
        case .null:
            try container.encode("null", forKey: .type)
        case .bool(let flag):
            try container.encode("bool", forKey: .type)
            try container.encode(flag, forKey: .value)
        case .decimal(let decimal):
            try container.encode("decimal", forKey: .type)
            try container.encode(decimal.description, forKey: .value)
        case .float(let double):
            try container.encode("float", forKey: .type)
            let bits = String(double.bitPattern, radix: 16)
            try container.encode(String(repeating: "0", count: 16 - bits.count) + bits, forKey: .bits)
            try container.encode("\(double)", forKey: .value)
        case .text(let string):
            try container.encode("text", forKey: .type)
            try container.encode(string, forKey: .value)
        case .bytes(let bytes):
            try container.encode("bytes", forKey: .type)
            try container.encode(KeyRange.hex(bytes), forKey: .hex)
        case .date(let days):
            try container.encode("date", forKey: .type)
            try container.encode(CalendarText.date(days: Int64(days)), forKey: .value)
            try container.encode(days, forKey: .days)
        case .time(let micros):
            try container.encode("time", forKey: .type)
            try container.encode(CalendarText.time(micros: micros), forKey: .value)
            try container.encode(micros, forKey: .micros)
        case .timestamp(let micros):
            try container.encode("timestamp", forKey: .type)
            try container.encode(CalendarText.timestamp(micros: micros), forKey: .value)
            try container.encode(micros, forKey: .micros)
        case .interval(let months, let days, let micros):
            try container.encode("interval", forKey: .type)
            try container.encode(months, forKey: .months)
            try container.encode(days, forKey: .days)
            try container.encode(micros, forKey: .micros)
        case .uuid(let uuid):
            try container.encode("uuid", forKey: .type)
            try container.encode(KeyRange.uuidText(uuid.array), forKey: .value)
        case .json(let text):
            try container.encode("json", forKey: .type)
            try container.encode(text, forKey: .value)
        case .array(let elements):
            try container.encode("array", forKey: .type)
            try container.encode(elements.map(KeyValueJSON.init), forKey: .elements)
        }
    }

    private static func bytes(
        _ container: KeyedDecodingContainer<CodingKeys>,
        _ key: CodingKeys
    ) throws -> [UInt8] {
        let text = try container.decode(String.self, forKey: key)
        guard let bytes = Hex.decode(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: container,
                debugDescription: "\"\(text)\" is not an even number of hex digits"
            )
        }
        return bytes
    }
}

extension String {
    fileprivate func replacingHyphens() -> String { String(filter { $0 != "-" }) }
}
