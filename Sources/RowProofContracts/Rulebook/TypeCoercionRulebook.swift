/// How engine types map to the hashing spec's logical types, and the coercions applied on the
/// way (`schemas/type_coercion_rulebook.schema.json`).
///
/// A rulebook either maps engine types to logical types (``Kind/engineToLogical``) or pairs a
/// source engine's types with a target engine's physical types (``Kind/enginePair``). Every
/// mapping and rule says whether it can lose information; a mapping that applies a lossy rule
/// must itself be marked lossy.
public struct TypeCoercionRulebook: ContractModel {
    /// The two shapes of rulebook.
    public enum Kind: String, ContractEnum {
        /// Engine types -> logical types, in ``TypeCoercionRulebook/mappings``.
        case engineToLogical = "engine_to_logical"
        /// Source engine types -> target engine types, in ``TypeCoercionRulebook/pairMappings``.
        case enginePair = "engine_pair"
    }

    /// The rulebook's name.
    public var rulebook: String
    /// The rulebook's version (semantic version).
    public var version: String
    /// What the rulebook covers.
    public var description: String?
    /// The rulebook's shape.
    public var kind: Kind
    /// For ``Kind/enginePair``: the engine data comes from.
    public var sourceEngine: Engine?
    /// For ``Kind/enginePair``: the engine data goes to.
    public var targetEngine: Engine?
    /// Defaults the rules refer to.
    public var defaults: CoercionDefaults
    /// For ``Kind/engineToLogical``: engine type -> logical type.
    public var mappings: [TypeMapping]?
    /// For ``Kind/enginePair``: source type -> target type.
    public var pairMappings: [PairTypeMapping]?
    /// The coercion rules mappings refer to by id.
    public var rules: [CoercionRule]

    /// Creates a rulebook.
    public init(
        rulebook: String,
        version: String,
        description: String? = nil,
        kind: Kind,
        sourceEngine: Engine? = nil,
        targetEngine: Engine? = nil,
        defaults: CoercionDefaults,
        mappings: [TypeMapping]? = nil,
        pairMappings: [PairTypeMapping]? = nil,
        rules: [CoercionRule]
    ) {
        self.rulebook = rulebook
        self.version = version
        self.description = description
        self.kind = kind
        self.sourceEngine = sourceEngine
        self.targetEngine = targetEngine
        self.defaults = defaults
        self.mappings = mappings
        self.pairMappings = pairMappings
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case rulebook, version, description, kind
        case sourceEngine = "source_engine"
        case targetEngine = "target_engine"
        case defaults, mappings
        case pairMappings = "pair_mappings"
        case rules
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> CoercionRule? {
        rules.first { $0.id == id }
    }

    /// The mapping of `engineType` (its name or an alias) on `engine`, if the rulebook has one.
    public func mapping(engine: Engine, engineType: String) -> TypeMapping? {
        let name = engineType.lowercased()
        return mappings?.first { $0.engine == engine && ($0.engineType == name || $0.aliases?.contains(name) == true) }
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["rulebook"].check(
            rulebook,
            matches: ContractPattern(
                "^[a-z][a-z0-9_-]{0,63}$",
                meaning: "lowercase letters, digits, '_' or '-', starting with a letter"
            )
        )
        try path["version"].check(version, matches: .version)
        try defaults.validate(at: path["defaults"])
        try rules.validateEach(at: path["rules"])
        try path["rules"].checkUnique(rules.map(\.id)) { "rule id \"\($0)\"" }
        let lossyRules = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.isLossy) })
        switch kind {
        case .engineToLogical:
            guard let mappings else { throw path["mappings"].fail("required for a rulebook of kind engine_to_logical") }
            try mappings.validateEach(at: path["mappings"])
            try path["mappings"].checkUnique(mappings.map { "\($0.engine.rawValue) \($0.engineType)" }) {
                "mapping of \($0)"
            }
            for (index, mapping) in mappings.enumerated() {
                try Self.checkRules(
                    mapping.rules,
                    lossy: mapping.isLossy,
                    known: lossyRules,
                    at: path["mappings"][index]
                )
            }
        case .enginePair:
            guard sourceEngine != nil else {
                throw path["source_engine"].fail("required for a rulebook of kind engine_pair")
            }
            guard targetEngine != nil else {
                throw path["target_engine"].fail("required for a rulebook of kind engine_pair")
            }
            guard let pairMappings else {
                throw path["pair_mappings"].fail("required for a rulebook of kind engine_pair")
            }
            try pairMappings.validateEach(at: path["pair_mappings"])
            try path["pair_mappings"].checkUnique(pairMappings.map(\.sourceType)) { "mapping of \($0)" }
            for (index, mapping) in pairMappings.enumerated() {
                try Self.checkRules(
                    mapping.rules,
                    lossy: mapping.isLossy,
                    known: lossyRules,
                    at: path["pair_mappings"][index]
                )
            }
        }
    }

    /// Every rule a mapping names must exist, and a mapping applying a lossy rule is lossy.
    private static func checkRules(
        _ ids: [String]?,
        lossy: Bool,
        known: [String: Bool],
        at path: ContractPath
    ) throws(ContractError) {
        for (index, id) in (ids ?? []).enumerated() {
            guard let ruleIsLossy = known[id] else {
                throw path["rules"][index].fail("unknown rule \"\(id)\"; define it under rules")
            }
            if ruleIsLossy, !lossy {
                throw path["lossy"].fail("must be true: the mapping applies the lossy rule \"\(id)\"")
            }
        }
    }
}
