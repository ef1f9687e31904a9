/// The result of one reconciliation job (`schemas/recon_report.schema.json`).
///
/// It records what was compared and how (column plan, strategy, guarantee, hashing spec and
/// the digests of the job, policy and spec), the counts and digests of each side, a capped and
/// redacted sample of the differences, and the verdict with its exit code: 0 within tolerance,
/// 1 differences beyond tolerance, 2 the job could not run.
public struct ReconReport: ContractModel {
    /// The report format version this build writes.
    public static let currentVersion = 1

    /// The report format version.
    public var reportVersion: Int
    /// The job the report is for.
    public var job: ReportJobReference
    /// The RowProof version that produced the report.
    public var rowproofVersion: String
    /// The version of the hashing spec row hashes follow.
    public var hashingSpecVersion: String
    /// When the job started (RFC 3339).
    public var startedAt: String
    /// When the job finished (RFC 3339).
    public var finishedAt: String
    /// Wall-clock seconds per phase, in execution order.
    public var timings: [PhaseTiming]
    /// SHA-256 of the hashing spec.
    public var specSHA256: String
    /// SHA-256 of the policy.
    public var policySHA256: String
    /// SHA-256 of the job file.
    public var jobSHA256: String
    /// The column plan of each table.
    public var columnPlan: [TableColumnPlan]
    /// The snapshot each side was read at, when the engine supports one.
    public var snapshot: SnapshotPair?
    /// Chunks whose results were kept from an earlier, interrupted run of this job: they were
    /// read during that run, at its snapshots, not at ``snapshot``. `nil` when this run read
    /// every chunk.
    public var resumedChunks: Int?
    /// Counts over all tables.
    public var totals: RowCounts
    /// One entry per table pair, in job order.
    public var tables: [TableReport]
    /// Why the job could not run (verdict ``Verdict/error``).
    public var errors: [ReportError]?
    /// The highest severity found.
    public var severity: Severity
    /// The overall verdict.
    public var verdict: Verdict
    /// The process exit code: 0 pass, 1 fail, 2 error.
    public var exitCode: Int

    /// Creates a report; ``exitCode`` follows from `verdict`.
    public init(
        reportVersion: Int = ReconReport.currentVersion,
        job: ReportJobReference,
        rowproofVersion: String,
        hashingSpecVersion: String,
        startedAt: String,
        finishedAt: String,
        timings: [PhaseTiming],
        specSHA256: String,
        policySHA256: String,
        jobSHA256: String,
        columnPlan: [TableColumnPlan],
        snapshot: SnapshotPair? = nil,
        resumedChunks: Int? = nil,
        totals: RowCounts,
        tables: [TableReport],
        errors: [ReportError]? = nil,
        severity: Severity,
        verdict: Verdict
    ) {
        self.reportVersion = reportVersion
        self.job = job
        self.rowproofVersion = rowproofVersion
        self.hashingSpecVersion = hashingSpecVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.timings = timings
        self.specSHA256 = specSHA256
        self.policySHA256 = policySHA256
        self.jobSHA256 = jobSHA256
        self.columnPlan = columnPlan
        self.snapshot = snapshot
        self.resumedChunks = resumedChunks
        self.totals = totals
        self.tables = tables
        self.errors = errors
        self.severity = severity
        self.verdict = verdict
        self.exitCode = verdict.exitCode
    }

    enum CodingKeys: String, CodingKey {
        case reportVersion = "report_version"
        case job
        case rowproofVersion = "rowproof_version"
        case hashingSpecVersion = "hashing_spec_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case timings
        case specSHA256 = "spec_sha256"
        case policySHA256 = "policy_sha256"
        case jobSHA256 = "job_sha256"
        case columnPlan = "column_plan"
        case snapshot
        case resumedChunks = "resumed_chunks"
        case totals, tables, errors, severity, verdict
        case exitCode = "exit_code"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        guard reportVersion == Self.currentVersion else {
            throw path["report_version"].fail(
                "unsupported version \(reportVersion); this build reads version \(Self.currentVersion)"
            )
        }
        try job.validate(at: path["job"])
        try path["rowproof_version"].check(rowproofVersion, matches: .softwareVersion)
        try path["hashing_spec_version"].check(hashingSpecVersion, matches: .version)
        try path["started_at"].check(startedAt, matches: .timestamp)
        try path["finished_at"].check(finishedAt, matches: .timestamp)
        try timings.validateEach(at: path["timings"])
        try path["spec_sha256"].check(specSHA256, matches: .sha256)
        try path["policy_sha256"].check(policySHA256, matches: .sha256)
        try path["job_sha256"].check(jobSHA256, matches: .sha256)
        try columnPlan.validateEach(at: path["column_plan"])
        try path["column_plan"].checkUnique(columnPlan.map(\.table)) { "table \"\($0)\"" }
        try snapshot.validateIfPresent(at: path["snapshot"])
        if let resumedChunks { try path["resumed_chunks"].check(resumedChunks, in: 1...Int.max) }
        try totals.validate(at: path["totals"])
        try tables.validateEach(at: path["tables"])
        let summed = tables.reduce(RowCounts.zero) { $0 + $1.counts }
        guard summed == totals else {
            throw path["totals"].fail(
                "must be the sum of the tables' counts (\(summed.summary)); got \(totals.summary)"
            )
        }
        try errors?.validateEach(at: path["errors"])
        if verdict == .error, errors?.isEmpty ?? true {
            throw path["errors"].fail("a report with verdict error must say why the job could not run")
        }
        guard exitCode == verdict.exitCode else {
            throw path["exit_code"].fail(
                "must be \(verdict.exitCode) for verdict \(verdict.rawValue) (got \(exitCode))"
            )
        }
    }
}
