/// One severity rule: differences of ``kind`` (optionally only in matching tables and columns)
/// get ``severity``.
public struct SeverityRule: ContractModel {
    /// The kinds of difference a rule can match.
    public enum Kind: String, ContractEnum {
        /// A row in the source, not in the target.
        case missing
        /// A row in the target, not in the source.
        case extra
        /// A row on both sides whose values differ beyond tolerance.
        case changed
        /// A key seen more than once.
        case duplicateKey = "duplicate_key"
        /// Row counts that differ beyond tolerance.
        case count
        /// A column aggregate that differs.
        case aggregate
        /// A difference within tolerance.
        case withinTolerance = "within_tolerance"
    }

    /// The kind of difference matched.
    public var kind: Kind
    /// Table name glob; every table when `nil`.
    public var table: String?
    /// Column name glob; every column when `nil`.
    public var column: String?
    /// Logical type of the column; every type when `nil`.
    public var logicalType: LogicalType?
    /// The severity given.
    public var severity: Severity

    /// Creates a rule.
    public init(
        kind: Kind,
        table: String? = nil,
        column: String? = nil,
        logicalType: LogicalType? = nil,
        severity: Severity
    ) {
        self.kind = kind
        self.table = table
        self.column = column
        self.logicalType = logicalType
        self.severity = severity
    }

    enum CodingKeys: String, CodingKey {
        case kind, table, column
        case logicalType = "logical_type"
        case severity
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let table { try path["table"].checkNotEmpty(table) }
        if let column { try path["column"].checkNotEmpty(column) }
    }
}
