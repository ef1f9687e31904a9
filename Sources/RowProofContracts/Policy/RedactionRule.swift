/// Keeps the values of sensitive columns out of reports.
public struct RedactionRule: ContractModel {
    /// What replaces a redacted value.
    public enum Mode: String, ContractEnum {
        /// Replaced by `***`.
        case mask
        /// Replaced by a keyed SHA-256, so equal values stay comparable.
        case hash
        /// Left out.
        case drop
    }

    /// Table name glob; every table when `nil`.
    public var table: String?
    /// Column name glob, such as `*email*`.
    public var column: String
    /// How the value is redacted.
    public var mode: Mode

    /// Creates a rule.
    public init(table: String? = nil, column: String, mode: Mode) {
        self.table = table
        self.column = column
        self.mode = mode
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let table { try path["table"].checkNotEmpty(table) }
        try path["column"].checkNotEmpty(column)
    }
}
