import RowProofContracts

extension JSONValue {
    /// A short description of the value for problem messages: `a string "fast"`, `an integer (0)`.
    var problemText: String {
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
