/// What a claim rests on.
public struct ClaimEvidence: ContractModel {
    /// The kinds of evidence.
    public enum Kind: String, ContractEnum {
        /// A query and its result.
        case query
        /// Specific rows, by key.
        case rows
        /// A rulebook or policy rule.
        case rule
        /// A measured value.
        case metric
        /// A file.
        case file
    }

    /// The kind of evidence.
    public var kind: Kind
    /// The SQL text, row keys, rule id, metric name or file path.
    public var reference: String
    /// What the evidence shows.
    public var detail: String?

    /// Creates evidence.
    public init(kind: Kind, reference: String, detail: String? = nil) {
        self.kind = kind
        self.reference = reference
        self.detail = detail
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["reference"].checkNotEmpty(reference)
    }
}
