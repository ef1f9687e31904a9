/// The rules a reconciliation and a migration are judged by (`schemas/policy.schema.json`):
/// tolerances, severities, approvals, parallel runs, redaction, sampling and limits.
public struct Policy: ContractModel {
    /// The policy's name.
    public var name: String
    /// The policy's version (semantic version).
    public var version: String
    /// What the policy is for.
    public var description: String?
    /// Default tolerances; a job's own tolerances replace them.
    public var tolerances: Tolerances
    /// How severe each difference is.
    public var severity: SeverityPolicy
    /// Approvals by role each transition needs.
    public var approvals: [ApprovalRequirement]
    /// The parallel-run requirement of the readiness gate.
    public var parallelRun: ParallelRunRequirement
    /// Columns whose values never appear in reports; first match wins.
    public var redaction: [RedactionRule]
    /// Default deterministic sample.
    public var sampling: SamplingParameters
    /// Limits on what a report records.
    public var limits: PolicyLimits

    /// Creates a policy.
    public init(
        name: String,
        version: String,
        description: String? = nil,
        tolerances: Tolerances,
        severity: SeverityPolicy,
        approvals: [ApprovalRequirement],
        parallelRun: ParallelRunRequirement,
        redaction: [RedactionRule],
        sampling: SamplingParameters,
        limits: PolicyLimits
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.tolerances = tolerances
        self.severity = severity
        self.approvals = approvals
        self.parallelRun = parallelRun
        self.redaction = redaction
        self.sampling = sampling
        self.limits = limits
    }

    enum CodingKeys: String, CodingKey {
        case name, version, description, tolerances, severity, approvals
        case parallelRun = "parallel_run"
        case redaction, sampling, limits
    }

    /// The approvals the transition `from` -> `to` needs, if the policy names any.
    public func approvals(from: MigrationState, to: MigrationState) -> ApprovalRequirement? {
        approvals.first { $0.from == from && $0.to == to }
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["name"].check(name, matches: .name)
        try path["version"].check(version, matches: .version)
        try tolerances.validate(at: path["tolerances"])
        try severity.validate(at: path["severity"])
        try approvals.validateEach(at: path["approvals"])
        try path["approvals"].checkUnique(approvals.map { "\($0.from.rawValue) -> \($0.to.rawValue)" }) {
            "transition \($0)"
        }
        try parallelRun.validate(at: path["parallel_run"])
        try redaction.validateEach(at: path["redaction"])
        try sampling.validate(at: path["sampling"])
        try limits.validate(at: path["limits"])
    }
}
