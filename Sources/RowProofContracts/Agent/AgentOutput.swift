/// What an agent hands back (`schemas/agent_output.schema.json`): the inputs it read, each
/// claim with the evidence behind it, and the files it wrote. A claim without evidence is
/// refused.
public struct AgentOutput: ContractModel {
    /// The agents that produce outputs.
    public enum Agent: String, ContractEnum {
        /// Finds schemas, tables, keys and sizes.
        case discovery
        /// Profiles columns (null rates, ranges, distinct counts).
        case profiling
        /// Pairs source and target columns.
        case mapping
        /// Rewrites queries and DDL for the target.
        case rewrite
        /// Runs reconciliations.
        case reconciliation
        /// Explains the differences a reconciliation found.
        case diffExplanation = "diff_explanation"
        /// Writes cutover and rollback plans and runbooks.
        case cutoverPlanning = "cutover_planning"
    }

    /// Which agent produced the output.
    public var agent: Agent
    /// The agent's version.
    public var version: String
    /// This run's identifier.
    public var runID: String
    /// The migration the run belongs to.
    public var migrationID: String?
    /// When the output was produced (RFC 3339).
    public var createdAt: String
    /// What the agent read.
    public var inputs: [AgentInput]
    /// What the agent claims, with evidence.
    public var claims: [AgentClaim]
    /// The files the agent wrote.
    public var outputs: [AgentOutputFile]
    /// Things a person should look at.
    public var warnings: [String]?

    /// Creates an agent output.
    public init(
        agent: Agent,
        version: String,
        runID: String,
        migrationID: String? = nil,
        createdAt: String,
        inputs: [AgentInput],
        claims: [AgentClaim],
        outputs: [AgentOutputFile],
        warnings: [String]? = nil
    ) {
        self.agent = agent
        self.version = version
        self.runID = runID
        self.migrationID = migrationID
        self.createdAt = createdAt
        self.inputs = inputs
        self.claims = claims
        self.outputs = outputs
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case agent, version
        case runID = "run_id"
        case migrationID = "migration_id"
        case createdAt = "created_at"
        case inputs, claims, outputs, warnings
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["version"].check(version, matches: .softwareVersion)
        try path["run_id"].check(runID, matches: .identifier)
        if let migrationID { try path["migration_id"].check(migrationID, matches: .identifier) }
        try path["created_at"].check(createdAt, matches: .timestamp)
        try inputs.validateEach(at: path["inputs"])
        try claims.validateEach(at: path["claims"])
        try path["claims"].checkUnique(claims.compactMap(\.id)) { "claim id \"\($0)\"" }
        try outputs.validateEach(at: path["outputs"])
        try path["outputs"].checkUnique(outputs.map(\.path)) { "output \"\($0)\"" }
        try path["warnings"].checkEachNotEmpty(warnings ?? [])
    }
}
