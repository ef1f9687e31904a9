/// Any JSON value, for the parts of a contract whose shape is open: a plan's payload, the key
/// and column values shown in a report, rule parameters.
///
/// Integers are kept apart from other numbers so that 64-bit keys survive a round trip.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits a signed 64-bit integer.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; member order is not significant.
    case object([String: JSONValue])
}

extension JSONValue {
    /// Whether this value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this value is a string, number, boolean or null.
    public var isScalar: Bool {
        switch self {
        case .null, .bool, .integer, .number, .string: true
        case .array, .object: false
        }
    }

    /// A short description for error messages: `a string "fast"`, `an integer (0)`, `an array`.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "a boolean (\(value))"
        case .integer(let value): "an integer (\(value))"
        case .number(let value): "a number (\(value))"
        case .string(let value) where value.count <= 60: "a string \"\(value)\""
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
