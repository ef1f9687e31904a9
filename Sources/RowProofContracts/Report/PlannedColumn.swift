/// One column of a column plan: a source column, the target column it pairs with, and how
/// their values are compared.
public struct PlannedColumn: ContractModel {
    /// The position in the canonical row (0-based).
    public var position: Int
    /// The source column.
    public var source: String
    /// The target column.
    public var target: String
    /// The source engine's type.
    public var sourceType: String?
    /// The target engine's type.
    public var targetType: String?
    /// The logical type values are compared as.
    public var logicalType: LogicalType
    /// Whether the column is part of the key.
    public var isKey: Bool
    /// Rulebook rule ids applied to the column.
    public var coercions: [String]?

    /// Creates a planned column.
    public init(
        position: Int,
        source: String,
        target: String,
        sourceType: String? = nil,
        targetType: String? = nil,
        logicalType: LogicalType,
        isKey: Bool,
        coercions: [String]? = nil
    ) {
        self.position = position
        self.source = source
        self.target = target
        self.sourceType = sourceType
        self.targetType = targetType
        self.logicalType = logicalType
        self.isKey = isKey
        self.coercions = coercions
    }

    enum CodingKeys: String, CodingKey {
        case position, source, target
        case sourceType = "source_type"
        case targetType = "target_type"
        case logicalType = "logical_type"
        case isKey = "key"
        case coercions
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["position"].check(position, atLeast: 0)
        try path["source"].checkNotEmpty(source)
        try path["target"].checkNotEmpty(target)
        try path["coercions"].checkEach(coercions ?? [], matches: .ruleID)
    }
}
