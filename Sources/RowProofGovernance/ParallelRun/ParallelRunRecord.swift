public import RowProofContracts

/// One run of a parallel run, as the history keeps it.
public struct ParallelRunRecord: Codable, Sendable, Equatable {
    /// The run's number, from 1.
    public var run: Int
    /// When it started (RFC 3339).
    public var startedAt: String
    /// When it finished (RFC 3339).
    public var finishedAt: String
    /// The report, when the run produced one.
    public var reportPath: String?
    /// SHA-256 of the report file.
    public var reportSHA256: String?
    /// The verdict; `error` when the reconciliation could not run.
    public var verdict: Verdict
    /// The report's highest severity.
    public var severity: Severity?
    /// Rows that differ (changed + missing + extra + duplicate keys).
    public var differences: Int?
    /// Rows read from the source.
    public var rows: Int?
    /// Why the run could not complete.
    public var error: String?
    /// Whether the run counts as a pass for the gate (verdict pass, severity within the policy).
    public var passed: Bool

    /// Creates a record.
    public init(
        run: Int,
        startedAt: String,
        finishedAt: String,
        reportPath: String?,
        reportSHA256: String?,
        verdict: Verdict,
        severity: Severity?,
        differences: Int?,
        rows: Int?,
        error: String?,
        passed: Bool
    ) {
        self.run = run
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.reportPath = reportPath
        self.reportSHA256 = reportSHA256
        self.verdict = verdict
        self.severity = severity
        self.differences = differences
        self.rows = rows
        self.error = error
        self.passed = passed
    }

    enum CodingKeys: String, CodingKey {
        case run
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case reportPath = "report_path"
        case reportSHA256 = "report_sha256"
        case verdict, severity, differences, rows, error, passed
    }
}
