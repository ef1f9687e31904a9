public import Foundation

/// Writes contract values as JSON, after validating them, so RowProof never writes a
/// document it would refuse to read.
///
/// Output is stable: members sorted by name, two-space indentation, `/` not escaped.
public struct ContractEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Validates `value` and encodes it as JSON.
    ///
    /// - Throws: ``ContractError`` when `value` breaks a rule of its contract; `EncodingError`
    ///   when a number cannot be written (infinite or NaN).
    public func encode<T: ContractModel>(_ value: T) throws -> Data {
        try value.validate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
