/// One recorded difference, with the values of the columns that differ.
public struct DifferenceSample: ContractModel {
    /// Row-level kinds of difference.
    public enum Kind: String, ContractEnum {
        /// The row is in the source, not in the target.
        case missing
        /// The row is in the target, not in the source.
        case extra
        /// Values differ beyond tolerance.
        case changed
        /// The key appears more than once.
        case duplicateKey = "duplicate_key"
        /// Values differ within tolerance.
        case withinTolerance = "within_tolerance"
    }

    /// The kind of difference.
    public var kind: Kind
    /// Key column -> value.
    public var key: [String: JSONValue]
    /// Columns that differ (empty for missing and extra rows).
    public var columns: [String]
    /// Source values, or `nil` when the row is absent from the source.
    public var source: [String: JSONValue]?
    /// Target values, or `nil` when the row is absent from the target.
    public var target: [String: JSONValue]?
    /// Whether some values were replaced per the policy's redaction rules.
    public var isRedacted: Bool
    /// The difference's severity per policy.
    public var severity: Severity

    /// Creates a difference.
    public init(
        kind: Kind,
        key: [String: JSONValue],
        columns: [String] = [],
        source: [String: JSONValue]? = nil,
        target: [String: JSONValue]? = nil,
        isRedacted: Bool,
        severity: Severity
    ) {
        self.kind = kind
        self.key = key
        self.columns = columns
        self.source = source
        self.target = target
        self.isRedacted = isRedacted
        self.severity = severity
    }

    enum CodingKeys: String, CodingKey {
        case kind, key, columns, source, target
        case isRedacted = "redacted"
        case severity
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["key"].checkNotEmpty(key)
        try path["columns"].checkEachNotEmpty(columns)
        for (name, values) in [("key", key), ("source", source ?? [:]), ("target", target ?? [:])] {
            for (column, value) in values.sorted(by: { $0.key < $1.key }) where !value.isScalar {
                throw path[name][column].fail(
                    "expected a string, number, boolean or null (got \(value.kindDescription))"
                )
            }
        }
    }
}
