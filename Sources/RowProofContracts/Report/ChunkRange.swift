/// A key range: from ``lower`` (inclusive) to ``upper`` (exclusive); `nil` is unbounded.
///
/// Both members are always written, as `null` when unbounded.
public struct ChunkRange: ContractModel {
    /// The inclusive lower bound, key column -> value.
    public var lower: [String: JSONValue]?
    /// The exclusive upper bound, key column -> value.
    public var upper: [String: JSONValue]?

    /// Creates a range.
    public init(lower: [String: JSONValue]? = nil, upper: [String: JSONValue]? = nil) {
        self.lower = lower
        self.upper = upper
    }

    enum CodingKeys: String, CodingKey {
        case lower, upper
    }

    /// Decodes a range; both members must be present, `null` meaning unbounded.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.lower, .upper] where !container.contains(key) {
            throw DecodingError.keyNotFound(
                key,
                .init(
                    codingPath: container.codingPath + [key],
                    debugDescription: "required field is missing (use null for unbounded)"
                )
            )
        }
        lower = try container.decodeIfPresent([String: JSONValue].self, forKey: .lower)
        upper = try container.decodeIfPresent([String: JSONValue].self, forKey: .upper)
    }

    /// Encodes both bounds, `null` when unbounded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        for (name, bound) in [("lower", lower), ("upper", upper)] {
            for (column, value) in (bound ?? [:]).sorted(by: { $0.key < $1.key }) where !value.isScalar {
                throw path[name][column].fail(
                    "expected a string, number, boolean or null (got \(value.kindDescription))"
                )
            }
        }
    }
}
