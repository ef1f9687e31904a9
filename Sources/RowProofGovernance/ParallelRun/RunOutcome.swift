public import RowProofContracts

/// What one reconciliation of a parallel run produced: its report and the parsed verdict.
public struct RunOutcome: Sendable, Equatable {
    /// Where the report (JSON) is.
    public var reportPath: String
    /// SHA-256 of the report file.
    public var reportSHA256: String
    /// The report's verdict.
    public var verdict: Verdict
    /// The highest severity in the report.
    public var severity: Severity
    /// Rows that differ: changed + missing + extra + duplicate keys.
    public var differences: Int
    /// Rows read from the source.
    public var rows: Int

    /// Creates an outcome.
    public init(
        reportPath: String,
        reportSHA256: String,
        verdict: Verdict,
        severity: Severity,
        differences: Int,
        rows: Int
    ) {
        self.reportPath = reportPath
        self.reportSHA256 = reportSHA256
        self.verdict = verdict
        self.severity = severity
        self.differences = differences
        self.rows = rows
    }

    /// The outcome of `report`, written at `path` with digest `sha256`.
    public init(report: ReconReport, path: String, sha256: String) {
        let totals = report.totals
        self.init(
            reportPath: path,
            reportSHA256: sha256,
            verdict: report.verdict,
            severity: report.severity,
            differences: totals.changed + totals.missing + totals.extra + totals.duplicateKeys,
            rows: totals.rowsSource
        )
    }
}
