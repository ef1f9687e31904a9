/// A closed set of string values in a contract, such as a strategy or a severity.
///
/// Decoding an unknown value fails with the value and the accepted ones:
/// `strategy: unknown value "fast"; expected one of rowhash, keys, aggregate, sample`.
public protocol ContractEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {}

extension ContractEnum {
    /// The accepted values, in declaration order.
    public static var acceptedValues: [String] { allCases.map(\.rawValue) }

    /// Decodes one of the accepted values, or fails naming them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "unknown value \"\(raw)\"; expected one of \(Self.acceptedValues.joined(separator: ", "))"
            )
        }
        self = value
    }
}
