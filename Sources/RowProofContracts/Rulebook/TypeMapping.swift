/// An engine type and the logical type its values are compared as.
public struct TypeMapping: ContractModel {
    /// The engine.
    public var engine: Engine
    /// The engine's type name, lowercase (`timestamp without time zone`, `numeric(p,s)`).
    public var engineType: String
    /// Other names of the same type (`timestamp`, `int8`).
    public var aliases: [String]?
    /// The logical type values are compared as.
    public var logicalType: LogicalType
    /// Whether different stored values can compare equal through this mapping.
    public var isLossy: Bool
    /// Ids of the coercion rules applied.
    public var rules: [String]?
    /// Anything a reader should know.
    public var note: String?

    /// Creates a mapping.
    public init(
        engine: Engine,
        engineType: String,
        aliases: [String]? = nil,
        logicalType: LogicalType,
        isLossy: Bool,
        rules: [String]? = nil,
        note: String? = nil
    ) {
        self.engine = engine
        self.engineType = engineType
        self.aliases = aliases
        self.logicalType = logicalType
        self.isLossy = isLossy
        self.rules = rules
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case engine
        case engineType = "engine_type"
        case aliases
        case logicalType = "logical_type"
        case isLossy = "lossy"
        case rules, note
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["engine_type"].check(engineType, matches: .engineType)
        try path["aliases"].checkEach(aliases ?? [], matches: .engineType)
        try path["aliases"].checkUnique(aliases ?? []) { "alias \"\($0)\"" }
        try path["rules"].checkEach(rules ?? [], matches: .ruleID)
        try path["rules"].checkUnique(rules ?? []) { "rule \"\($0)\"" }
    }
}
