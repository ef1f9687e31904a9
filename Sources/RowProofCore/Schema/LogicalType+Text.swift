extension LogicalType: CustomStringConvertible, LosslessStringConvertible {
    /// The rulebook's name: `decimal`, `text`, `array(text)`.
    public var description: String {
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
        case .array(let element): "array(\(element))"
        }
    }

    /// Parses a rulebook name (`decimal`, `array(text)`); returns `nil` for anything else.
    public init?(_ description: String) {
        let name = description.trimmingSpaces()
        if name.hasPrefix("array("), name.hasSuffix(")") {
            guard let element = LogicalType(String(name.dropFirst(6).dropLast())) else { return nil }
            self = .array(of: element)
            return
        }
        switch name {
        case "null": self = .null
        case "bool", "boolean": self = .bool
        case "decimal": self = .decimal
        case "float": self = .float
        case "text": self = .text
        case "bytes": self = .bytes
        case "date": self = .date
        case "time": self = .time
        case "timestamp": self = .timestamp
        case "interval": self = .interval
        case "uuid": self = .uuid
        case "json": self = .json
        default: return nil
        }
    }
}

extension LogicalType: Codable {
    /// Decodes the rulebook name; an unknown name is a data-corrupted error naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let type = LogicalType(name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown logical type \"\(name)\"; expected one of null, bool, decimal, float, text, "
                    + "bytes, date, time, timestamp, interval, uuid, json or array(<type>)"
            )
        }
        self = type
    }

    /// Encodes the rulebook name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
