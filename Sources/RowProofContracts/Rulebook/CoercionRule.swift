/// One coercion applied to values before they are compared, such as flooring timestamps to
/// microseconds or trimming CHAR padding.
public struct CoercionRule: ContractModel {
    /// What a rule acts on.
    public enum Kind: String, ContractEnum {
        /// Fractional seconds, calendars, special temporal values.
        case timestampPrecision = "timestamp_precision"
        /// Zones and offsets.
        case timeZone = "time_zone"
        /// Decimal precision, scale and rounding.
        case decimalScale = "decimal_scale"
        /// Binary floating point.
        case floatRepresentation = "float_representation"
        /// CHAR(n) padding.
        case charPadding = "char_padding"
        /// Unicode normalization.
        case textNormalization = "text_normalization"
        /// NULL versus empty values.
        case nullSemantics = "null_semantics"
        /// JSON, VARIANT, SUPER, MAP, STRUCT.
        case semiStructured = "semi_structured"
        /// Binary values.
        case binaryEncoding = "binary_encoding"
        /// Booleans stored as other types.
        case booleanRepresentation = "boolean_representation"
        /// Intervals.
        case intervalRepresentation = "interval_representation"
        /// UUIDs.
        case uuidRepresentation = "uuid_representation"
        /// Arrays.
        case arrayRepresentation = "array_representation"
    }

    /// The rule's id, referred to by mappings and column plans.
    public var id: String
    /// What the rule acts on.
    public var kind: Kind
    /// What the rule does, in plain words.
    public var description: String
    /// Whether different stored values can compare equal because of this rule.
    public var isLossy: Bool
    /// Engines the rule applies to; every engine when `nil`.
    public var engines: [Engine]?
    /// Logical types the rule applies to; every type when `nil`.
    public var logicalTypes: [LogicalType]?
    /// Parameters, scalar values only.
    public var parameters: [String: JSONValue]?

    /// Creates a rule.
    public init(
        id: String,
        kind: Kind,
        description: String,
        isLossy: Bool,
        engines: [Engine]? = nil,
        logicalTypes: [LogicalType]? = nil,
        parameters: [String: JSONValue]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.description = description
        self.isLossy = isLossy
        self.engines = engines
        self.logicalTypes = logicalTypes
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, description
        case isLossy = "lossy"
        case engines
        case logicalTypes = "logical_types"
        case parameters
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["id"].check(id, matches: .ruleID)
        try path["description"].checkNotEmpty(description)
        try path["engines"].checkUnique(engines ?? []) { "engine \($0.rawValue)" }
        try path["logical_types"].checkUnique(logicalTypes ?? []) { "logical type \($0.rawValue)" }
        for (name, value) in (parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            try path["parameters"][name].check(name, matches: .ruleID)
            guard value.isScalar, !value.isNull else {
                throw path["parameters"][name].fail(
                    "expected a string, number or boolean (got \(value.kindDescription))"
                )
            }
        }
    }
}
