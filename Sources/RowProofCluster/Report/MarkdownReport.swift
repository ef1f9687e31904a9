import Foundation
public import RowProofContracts

/// Renders a report as Markdown that fits a CI job summary: the verdict first, then one line per
/// table, then the evidence (differences, column statistics, digests) in collapsible sections.
public enum MarkdownReport {
    /// The Markdown text of `report`.
    public static func render(_ report: ReconReport) -> String {
        var out: [String] = []
        let icon =
            switch report.verdict {
            case .pass: "✅"
            case .fail: "❌"
            case .error: "⚠️"
            }
        out.append("# \(icon) RowProof: \(report.job.name) — \(report.verdict.rawValue.uppercased())")
        out.append("")
        out.append(
            "Job `\(report.job.id)` · severity **\(report.severity.rawValue)** · exit code \(report.exitCode) · "
                + "\(report.startedAt) → \(report.finishedAt)"
        )
        out.append("")
        if let resumed = report.resumedChunks {
            out.append(
                "Resumed: \(resumed) of \(report.tables.reduce(0) { $0 + $1.chunks.count }) chunks were read by an earlier, interrupted run of this job "
                    + "(at that run's snapshots), not between the times above."
            )
            out.append("")
        }
        let t = report.totals
        out.append(
            "**\(t.rowsSource) source rows, \(t.rowsTarget) target rows:** \(t.matched) matched, \(t.changed) changed, "
                + "\(t.missing) missing, \(t.extra) extra, \(t.duplicateKeys) duplicate keys, \(t.withinTolerance) within tolerance."
        )
        out.append("")
        out.append(
            "| table | guarantee | source rows | target rows | matched | changed | missing | extra | dup keys | within tol. | severity | verdict |"
        )
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for table in report.tables {
            let c = table.counts
            let name =
                table.sourceTable == table.targetTable
                ? table.sourceTable : "\(table.sourceTable) → \(table.targetTable)"
            out.append(
                "| `\(name)` | \(table.guarantee.rawValue) | \(c.rowsSource) | \(c.rowsTarget) | \(c.matched) | \(c.changed) | "
                    + "\(c.missing) | \(c.extra) | \(c.duplicateKeys) | \(c.withinTolerance) | \(table.severity.rawValue) | **\(table.verdict.rawValue)** |"
            )
        }
        if let errors = report.errors, !errors.isEmpty {
            out.append("")
            out.append("## Errors")
            for error in errors {
                out.append("- \(error.phase)\(error.table.map { " (\($0))" } ?? ""): \(error.message)")
            }
        }
        for table in report.tables {
            if table.guarantee != .full {
                out.append("")
                out.append(
                    "> `\(table.sourceTable)`: guarantee **\(table.guarantee.rawValue)** — "
                        + explanation(table.guarantee)
                )
            }
            if let filter = table.rowFilter {
                out.append("")
                out.append("> `\(table.sourceTable)`: only rows where `\(filter)` were compared, on both sides")
            }
            if let columns = table.targetOnlyColumns {
                out.append("")
                out.append(
                    "> `\(table.targetTable)`: not compared (only in the target): "
                        + columns.map { "`\($0)`" }.joined(separator: ", ")
                )
            }
            if let recheck = table.recheck {
                out.append("")
                out.append(
                    "> `\(table.sourceTable)`: re-checked \(recheck.chunks) chunks after \(Int(recheck.delaySeconds)) s — "
                        + "**\(recheck.inFlight) in flight** (gone on re-check), **\(recheck.persistent) persistent**. Counts above are the re-check's."
                )
            }
            let mismatched = table.columns.filter { $0.mismatches > 0 }
            if !mismatched.isEmpty {
                out.append("")
                out.append("### `\(table.sourceTable)`: columns with differences")
                out.append("| column | mismatches | within tolerance | max abs diff |")
                out.append("|---|---:|---:|---:|")
                for column in mismatched {
                    out.append(
                        "| `\(column.column)` | \(column.mismatches) | \(column.withinTolerance) | \(column.maxAbsDiff.map { "\($0)" } ?? "") |"
                    )
                }
            }
            if !table.differences.isEmpty {
                out.append("")
                out.append(
                    "<details><summary><code>\(table.sourceTable)</code>: first \(table.differences.count) differences"
                        + (table.differencesTruncated ? " (more in the JSON report's counts)" : "") + "</summary>"
                )
                out.append("")
                out.append("| kind | key | column | source | target |")
                out.append("|---|---|---|---|---|")
                for difference in table.differences {
                    let key = difference.key.sorted { $0.key < $1.key }.map { "\($0.key)=\(text($0.value))" }.joined(
                        separator: ", "
                    )
                    if difference.columns.isEmpty {
                        out.append("| \(difference.kind.rawValue) | `\(escape(key))` | | | |")
                    }
                    for column in difference.columns {
                        out.append(
                            "| \(difference.kind.rawValue) | `\(escape(key))` | `\(column)` | "
                                + "`\(escape(text(difference.source?[column])))` | `\(escape(text(difference.target?[column])))` |"
                        )
                    }
                }
                out.append("")
                out.append("</details>")
            }
        }
        out.append("")
        out.append(
            "<sub>Hashing spec \(report.hashingSpecVersion) (sha256 `\(report.specSHA256.prefix(12))`), "
                + "job sha256 `\(report.jobSHA256.prefix(12))`, RowProof \(report.rowproofVersion).</sub>"
        )
        return out.joined(separator: "\n") + "\n"
    }

    static func explanation(_ guarantee: Guarantee) -> String {
        switch guarantee {
        case .full: "every row and every compared column was matched by key."
        case .keysOnly: "the same keys exist on both sides; column values were not compared."
        case .aggregate: "counts and per-column aggregates agree; individual rows were not compared."
        case .sample: "the deterministic sample's rows are identical; other rows were not compared."
        case .multiset:
            "the table has no key, so it was compared as a multiset of row hashes (count and multiset digests): "
                + "a difference is detected but cannot be located row by row."
        }
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil: ""
        case .string(let s)?: s
        case .integer(let i)?: "\(i)"
        case .number(let d)?: "\(d)"
        case .bool(let b)?: "\(b)"
        case .null?: "NULL"
        case .array?, .object?: "…"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'").replacingOccurrences(
            of: "\n",
            with: " "
        )
    }
}
