import Foundation
public import RowProofContracts

/// A value shown in a report's difference sample, read back from the way reports render values:
/// `NULL`, `'quoted text'` (quotes doubled inside), numbers, `2024-03-01T12:00:00Z`.
///
/// Reports written by other tools may use JSON `null`, numbers and bare strings instead; those
/// are read too.
public enum SampleValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A text value, unquoted.
    case text(String)
    /// A number, as written.
    case number(String)
    /// Anything else (timestamps, dates, bytes, booleans), as written.
    case other(String)

    /// Reads a value from a difference sample.
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .other(flag ? "true" : "false")
        case .integer(let number): self = .number(String(number))
        case .number(let number): self = .number(String(number))
        case .string(let text): self = Self.parse(text)
        case .array, .object: self = .other("\(value)")
        }
    }

    private static func parse(_ text: String) -> SampleValue {
        if text == "NULL" { return .null }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            let inner = text.dropFirst().dropLast()
            return .text(inner.replacingOccurrences(of: "''", with: "'"))
        }
        if DecimalText(text) != nil || Double(text) != nil { return .number(text) }
        return .other(text)
    }

    /// The text of a text or other value (numbers and NULL have none).
    public var text: String? {
        switch self {
        case .text(let text), .other(let text): text
        case .null, .number: nil
        }
    }

    /// How the value is shown in explanations: `NULL`, `'text'`, `12.5`.
    public var display: String {
        switch self {
        case .null: "NULL"
        case .text(let text): "'\(text)'"
        case .number(let text), .other(let text): text
        }
    }
}
