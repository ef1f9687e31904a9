/// A submitted job as the API lists it.
public struct JobRecord: Sendable, Codable, Equatable {
    /// The server's id for the job (`job-…`).
    public var id: String
    /// The job's name (from its specification).
    public var name: String
    /// Where the job is in its life.
    public var state: JobState
    /// The token name that submitted it.
    public var submittedBy: String
    /// When it was submitted (ISO 8601).
    public var submittedAt: String
    /// When it last started running (ISO 8601).
    public var startedAt: String?
    /// When it finished (ISO 8601).
    public var finishedAt: String?
    /// `pass`, `fail` or `error` once the job is final.
    public var verdict: String?
    /// The exit code `rowproof recon` would give: 0 within tolerance, 1 differences beyond
    /// tolerance, 2 the job could not run or was cancelled.
    public var exitCode: Int?
    /// Why the job failed or was cancelled.
    public var error: String?
    /// Progress, while running and after.
    public var progress: JobProgressSummary

    /// Creates a record.
    public init(
        id: String,
        name: String,
        state: JobState,
        submittedBy: String,
        submittedAt: String,
        startedAt: String? = nil,
        finishedAt: String? = nil,
        verdict: String? = nil,
        exitCode: Int? = nil,
        error: String? = nil,
        progress: JobProgressSummary = .init()
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.verdict = verdict
        self.exitCode = exitCode
        self.error = error
        self.progress = progress
    }

    enum CodingKeys: String, CodingKey {
        case id, name, state, submittedBy = "submitted_by", submittedAt = "submitted_at", startedAt = "started_at"
        case finishedAt = "finished_at", verdict, exitCode = "exit_code", error, progress
    }
}
