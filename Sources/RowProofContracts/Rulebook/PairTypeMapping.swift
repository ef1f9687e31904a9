/// A source engine type and the target engine type an export writes for it.
public struct PairTypeMapping: ContractModel {
    /// The target side of a pair mapping.
    public struct Target: ContractModel {
        /// Repetition of a Parquet field.
        public enum Repetition: String, ContractEnum {
            /// Exactly one value.
            case required
            /// Zero or one value.
            case optional
            /// Any number of values.
            case repeated
        }

        /// The physical type (for Parquet: `INT64`, `BYTE_ARRAY`, `FIXED_LEN_BYTE_ARRAY(16)`, ...).
        public var physicalType: String
        /// The logical annotation (`STRING`, `DECIMAL(38, 9)`, `TIMESTAMP(MICROS, true)`, ...).
        public var logicalAnnotation: String?
        /// The field's repetition.
        public var repetition: Repetition?

        /// Creates a target type.
        public init(physicalType: String, logicalAnnotation: String? = nil, repetition: Repetition? = nil) {
            self.physicalType = physicalType
            self.logicalAnnotation = logicalAnnotation
            self.repetition = repetition
        }

        enum CodingKeys: String, CodingKey {
            case physicalType = "physical_type"
            case logicalAnnotation = "logical_annotation"
            case repetition
        }

        public func validate(at path: ContractPath) throws(ContractError) {
            try path["physical_type"].check(
                physicalType,
                matches: ContractPattern(
                    "^[A-Z][A-Z0-9_]*(\\([0-9]+\\))?$",
                    meaning: "an uppercase physical type such as INT64 or FIXED_LEN_BYTE_ARRAY(16)"
                )
            )
            if let logicalAnnotation {
                try path["logical_annotation"].check(
                    logicalAnnotation,
                    matches: ContractPattern(
                        "^[A-Z][A-Z0-9_]*(\\([A-Za-z0-9_, ]+\\))?$",
                        meaning: "an uppercase annotation such as DECIMAL(38, 9)"
                    )
                )
            }
        }
    }

    /// The source engine's type name, lowercase.
    public var sourceType: String
    /// What the target stores.
    public var target: Target
    /// The logical type both sides are compared as.
    public var logicalType: LogicalType
    /// Whether the export can lose information.
    public var isLossy: Bool
    /// Ids of the coercion rules applied.
    public var rules: [String]?
    /// Anything a reader should know.
    public var note: String?

    /// Creates a pair mapping.
    public init(
        sourceType: String,
        target: Target,
        logicalType: LogicalType,
        isLossy: Bool,
        rules: [String]? = nil,
        note: String? = nil
    ) {
        self.sourceType = sourceType
        self.target = target
        self.logicalType = logicalType
        self.isLossy = isLossy
        self.rules = rules
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case sourceType = "source_type"
        case target
        case logicalType = "logical_type"
        case isLossy = "lossy"
        case rules, note
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["source_type"].check(sourceType, matches: .engineType)
        try target.validate(at: path["target"])
        try path["rules"].checkEach(rules ?? [], matches: .ruleID)
        try path["rules"].checkUnique(rules ?? []) { "rule \"\($0)\"" }
    }
}
