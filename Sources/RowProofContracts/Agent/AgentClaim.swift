/// A statement an agent makes, how sure it is, and the evidence that supports it.
public struct AgentClaim: ContractModel {
    /// An identifier, unique within the output.
    public var id: String?
    /// The statement, in plain words.
    public var statement: String
    /// 0 (a guess) to 1 (verified).
    public var confidence: Double
    /// At least one piece of evidence.
    public var evidence: [ClaimEvidence]

    /// Creates a claim.
    public init(id: String? = nil, statement: String, confidence: Double, evidence: [ClaimEvidence]) {
        self.id = id
        self.statement = statement
        self.confidence = confidence
        self.evidence = evidence
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let id {
            try path["id"].check(
                id,
                matches: ContractPattern(
                    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                    meaning: "1 to 64 letters, digits, '.', '_' or '-'"
                )
            )
        }
        try path["statement"].checkNotEmpty(statement)
        try path["confidence"].check(confidence, in: 0...1)
        guard !evidence.isEmpty else {
            throw path["evidence"].fail(
                "a claim needs at least one piece of evidence (query, rows, rule, metric or file)"
            )
        }
        try evidence.validateEach(at: path["evidence"])
    }
}
