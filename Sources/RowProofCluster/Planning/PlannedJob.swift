/// A job after planning: its identity, tables and chunk plans (without snapshots or signatures).
public struct PlannedJob: Sendable, Hashable, Codable {
    /// Stable id derived from the specification, so re-running the same job resumes it.
    public var jobID: String
    /// SHA-256 of the job specification's canonical JSON.
    public var specSHA256: String
    /// The table pairs.
    public var tables: [PlannedTable]
    /// Every chunk of every table, in table then key order.
    public var plans: [ChunkPlan]

    /// Creates a planned job.
    public init(jobID: String, specSHA256: String, tables: [PlannedTable], plans: [ChunkPlan]) {
        self.jobID = jobID
        self.specSHA256 = specSHA256
        self.tables = tables
        self.plans = plans
    }

    /// Estimated source rows over all tables.
    public var estimatedRows: Int { tables.reduce(0) { $0 + $1.estimatedRows } }
}
