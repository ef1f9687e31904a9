import Foundation

extension CutoverReport {
    /// The report as Markdown, for people.
    public var markdown: String {
        var lines: [String] = []
        let title = operation == .cutover ? "Cutover" : "Rollback"
        lines.append("# \(title) of \(migrationID): \(outcome.rawValue.replacingOccurrences(of: "_", with: " "))")
        lines.append("")
        lines.append("- Plan: `\(planID)` (payload SHA-256 `\(payloadSHA256)`)")
        lines.append("- Run by: \(actor), \(startedAt) to \(finishedAt)")
        if let failedStep {
            lines.append("- **Failed step: `\(failedStep)`** — \(failureReason ?? "no reason recorded")")
        }
        lines.append("")
        lines.append("## Steps")
        lines.append("")
        lines.append("| Step | Status | Detail |")
        lines.append("|---|---|---|")
        for step in steps {
            let detail = (step.detail ?? step.description ?? "").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ")
            lines.append(
                "| `\(step.id)` | \(step.status.rawValue.replacingOccurrences(of: "_", with: " ")) | \(detail) |"
            )
        }
        lines.append("")
        lines.append("## State before the cutover")
        lines.append("")
        lines.append("- Catalog: \(before.catalog.count) objects, SHA-256 `\(before.catalogSHA256)`")
        for table in before.tables { lines.append("- Table `\(table.table)`: \(table.summary)") }
        for file in before.files {
            lines.append("- File `\(file.path)`: \(file.sha256.map { "SHA-256 `\($0)`" } ?? "absent")")
        }
        if let after {
            lines.append("")
            lines.append("## State after the rollback")
            lines.append("")
            lines.append("- Catalog: \(after.catalog.count) objects, SHA-256 `\(after.catalogSHA256)`")
            for table in after.tables { lines.append("- Table `\(table.table)`: \(table.summary)") }
            lines.append("")
            if differences.isEmpty {
                lines.append(
                    "**Restored:** the catalog, the table data and the files equal the state before the cutover."
                )
            } else {
                lines.append("**Not restored:** \(differences.count) difference(s) from the state before the cutover:")
                lines.append("")
                for difference in differences { lines.append("- \(difference)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
