import Foundation
public import RowProofContracts

/// A short Markdown summary of a job for CI job pages (`$GITHUB_STEP_SUMMARY`, GitLab job summaries).
public enum StepSummary {
    /// The summary of a finished job with a report.
    public static func render(_ report: ReconReport, jobID: String) -> String {
        let icon =
            switch report.verdict {
            case .pass: "✅"
            case .fail: "❌"
            case .error: "⚠️"
            }
        let t = report.totals
        var text = "### \(icon) RowProof: \(report.job.name) — \(report.verdict.rawValue.uppercased())\n\n"
        text += "Job `\(jobID)`, severity **\(report.severity.rawValue)**, exit code \(report.exitCode). "
        text += "\(t.rowsSource) source rows, \(t.rowsTarget) target rows.\n\n"
        text += "| Table | Verdict | Matched | Changed | Missing | Extra | Duplicate keys | Guarantee |\n"
        text += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for table in report.tables {
            let name =
                table.sourceTable == table.targetTable
                ? table.sourceTable : "\(table.sourceTable) → \(table.targetTable)"
            let c = table.counts
            text +=
                "| `\(cell(name))` | \(table.verdict.rawValue) | \(c.matched) | \(c.changed) | \(c.missing) | \(c.extra) | \(c.duplicateKeys) | \(table.guarantee.rawValue) |\n"
        }
        text += "\nFull evidence: `report.md`, `report.html` and `report.json` in the job's artifacts.\n"
        return text
    }

    /// The summary of a job that produced no report.
    public static func render(jobName: String, jobID: String, state: String, reason: String) -> String {
        "### ⚠️ RowProof: \(jobName) — \(state.uppercased())\n\nJob `\(jobID)` produced no report: \(reason)\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
