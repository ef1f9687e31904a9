import Foundation
public import RowProofContracts

/// Renders a report as one self-contained HTML page (inline CSS, no scripts, no network): the
/// verdict, a map of the key range showing which chunks differ, per-column statistics and the
/// redacted samples of differing rows.
public enum HTMLReport {
    /// The HTML text of `report`.
    public static func render(_ report: ReconReport) -> String {
        var body = ""
        let verdictClass = report.verdict.rawValue
        body +=
            "<header class=\"\(verdictClass)\"><h1>RowProof: \(e(report.job.name)) — \(report.verdict.rawValue.uppercased())</h1>"
        body +=
            "<p>Job <code>\(e(report.job.id))</code> · severity <b>\(report.severity.rawValue)</b> · exit code \(report.exitCode) · "
        body += "\(e(report.startedAt)) → \(e(report.finishedAt))</p>"
        if let resumed = report.resumedChunks {
            body +=
                "<p>Resumed: \(resumed) of \(report.tables.reduce(0) { $0 + $1.chunks.count }) chunks were read by an earlier, interrupted run of this job "
                + "(at that run's snapshots), not between the times above.</p>"
        }
        body += "</header>"
        let t = report.totals
        body +=
            "<section><h2>Totals</h2><table><tr><th>source rows</th><th>target rows</th><th>matched</th><th>changed</th>"
        body += "<th>missing</th><th>extra</th><th>duplicate keys</th><th>within tolerance</th></tr>"
        body +=
            "<tr>\([t.rowsSource, t.rowsTarget, t.matched, t.changed, t.missing, t.extra, t.duplicateKeys, t.withinTolerance].map { "<td>\($0)</td>" }.joined())</tr></table></section>"
        if let errors = report.errors, !errors.isEmpty {
            body +=
                "<section><h2>Errors</h2><ul>"
                + errors.map { "<li>\(e($0.phase)) \(e($0.table ?? "")): \(e($0.message))</li>" }.joined()
                + "</ul></section>"
        }
        for table in report.tables {
            body += tableSection(table)
        }
        body +=
            "<footer>Hashing spec \(e(report.hashingSpecVersion)) (sha256 <code>\(e(report.specSHA256))</code>) · job sha256 <code>\(e(report.jobSHA256))</code>"
        body +=
            " · policy sha256 <code>\(e(report.policySHA256.isEmpty ? "built-in defaults" : report.policySHA256))</code> · RowProof \(e(report.rowproofVersion))</footer>"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>RowProof — \(e(report.job.name))</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#1d2329}
            header{padding:.6em 1em;border-radius:6px;margin-bottom:1em}header.pass{background:#e3f6e8}header.fail{background:#fde7e7}header.error{background:#fff4d6}
            h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f5f7}code{font-family:ui-monospace,Menlo,monospace;font-size:.92em}
            .map{display:flex;flex-wrap:wrap;gap:2px;margin:.5em 0}.map span{display:block;width:14px;height:22px;border-radius:2px}
            .ok{background:#3fb950}.bad{background:#e5534b}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 10px}
            .pill{padding:1px 7px;border-radius:9px;font-size:.85em}.pill.pass{background:#e3f6e8}.pill.fail{background:#fde7e7}
            .note{background:#f6f8fa;border-left:4px solid #8c959f;padding:.4em .8em}footer{margin-top:2em;color:#57606a;font-size:.85em}
            </style></head><body>
            \(body)
            </body></html>

            """
    }

    static func tableSection(_ table: TableReport) -> String {
        var out = "<section><h2><code>\(e(table.sourceTable))</code>"
        if table.targetTable != table.sourceTable { out += " → <code>\(e(table.targetTable))</code>" }
        out +=
            " <span class=\"pill \(table.verdict.rawValue)\">\(table.verdict.rawValue) · \(table.severity.rawValue)</span></h2>"
        out +=
            "<p class=\"note\">Strategy <b>\(table.strategy.rawValue)</b>, guarantee <b>\(table.guarantee.rawValue)</b>: \(e(MarkdownReport.explanation(table.guarantee)))</p>"
        let c = table.counts
        out +=
            "<p>\(c.rowsSource) source rows, \(c.rowsTarget) target rows: \(c.matched) matched, \(c.changed) changed, \(c.missing) missing, "
        out += "\(c.extra) extra, \(c.duplicateKeys) duplicate keys, \(c.withinTolerance) within tolerance.</p>"
        if let filter = table.rowFilter {
            out += "<p class=\"note\">Only rows where <code>\(e(filter))</code> were compared, on both sides.</p>"
        }
        if let columns = table.targetOnlyColumns {
            out +=
                "<p class=\"note\">Not compared (only in the target): "
                + columns.map { "<code>\(e($0))</code>" }.joined(separator: ", ") + "</p>"
        }

        if let recheck = table.recheck {
            out +=
                "<p class=\"note\">Re-checked \(recheck.chunks) chunks after \(Int(recheck.delaySeconds)) s: <b>\(recheck.inFlight) in flight</b> "
            out += "(gone on re-check), <b>\(recheck.persistent) persistent</b>; the counts above are the re-check's."
            if !recheck.inFlightKeys.isEmpty {
                let keys = recheck.inFlightKeys.prefix(20).map { key in
                    key.sorted { $0.key < $1.key }.map { "\($0.key)=\(MarkdownReport.text($0.value))" }.joined(
                        separator: ", "
                    )
                }
                out += " In flight: <code>" + e(keys.joined(separator: "; ")) + "</code>"
            }
            out += "</p>"
        }
        out += "<h3>Where along the key range</h3><div class=\"map\">"
        for chunk in table.chunks {
            let title =
                "chunk \(chunk.chunkID): \(rangeText(chunk.range)) — source \(chunk.source.count) rows, target \(chunk.target.count) rows"
                + (chunk.isMatch ? ", digests match" : ", digests differ")
            out += "<span class=\"\(chunk.isMatch ? "ok" : "bad")\" title=\"\(e(title))\"></span>"
        }
        out +=
            "</div><p class=\"legend\"><span class=\"ok\"></span>chunk identical on both sides<span class=\"bad\"></span>chunk differs "
        out +=
            "(\(table.chunks.filter { !$0.isMatch }.count) of \(table.chunks.count); hover a cell for its key range)</p>"

        let columns = table.columns
        if !columns.isEmpty {
            out +=
                "<h3>Columns</h3><table><tr><th>column</th><th>mismatches</th><th>within tolerance</th><th>max abs diff</th></tr>"
            for column in columns {
                out +=
                    "<tr><td><code>\(e(column.column))</code></td><td>\(column.mismatches)</td><td>\(column.withinTolerance)</td>"
                out += "<td>\(column.maxAbsDiff.map { "\($0)" } ?? "")</td></tr>"
            }
            out += "</table>"
        }
        if !table.differences.isEmpty {
            out +=
                "<h3>Differences (first \(table.differences.count)\(table.differencesTruncated ? ", more counted above" : ""))</h3>"
            out +=
                "<table><tr><th>kind</th><th>severity</th><th>key</th><th>column</th><th>source</th><th>target</th></tr>"
            for difference in table.differences {
                let key = difference.key.sorted { $0.key < $1.key }.map { "\($0.key)=\(MarkdownReport.text($0.value))" }
                    .joined(separator: ", ")
                let redacted = difference.isRedacted ? " (redacted)" : ""
                if difference.columns.isEmpty {
                    out +=
                        "<tr><td>\(difference.kind.rawValue)</td><td>\(difference.severity.rawValue)</td><td><code>\(e(key))</code>\(redacted)</td><td></td><td></td><td></td></tr>"
                }
                for column in difference.columns {
                    out +=
                        "<tr><td>\(difference.kind.rawValue)</td><td>\(difference.severity.rawValue)</td><td><code>\(e(key))</code>\(redacted)</td>"
                    out +=
                        "<td><code>\(e(column))</code></td><td><code>\(e(MarkdownReport.text(difference.source?[column])))</code></td>"
                    out += "<td><code>\(e(MarkdownReport.text(difference.target?[column])))</code></td></tr>"
                }
            }
            out += "</table>"
        }
        if !table.aggregates.source.isEmpty {
            out +=
                "<h3>Aggregates</h3><table><tr><th>column</th><th>side</th><th>count</th><th>nulls</th><th>min</th><th>max</th><th>sum</th></tr>"
            for (source, target) in zip(table.aggregates.source, table.aggregates.target) {
                for (side, aggregate) in [("source", source), ("target", target)] {
                    out +=
                        "<tr><td><code>\(e(aggregate.column))</code></td><td>\(side)</td><td>\(aggregate.count)</td><td>\(aggregate.nulls)</td>"
                    out +=
                        "<td>\(e(MarkdownReport.text(aggregate.min)))</td><td>\(e(MarkdownReport.text(aggregate.max)))</td><td>\(e(aggregate.sum ?? ""))</td></tr>"
                }
            }
            out += "</table>"
        }
        return out + "</section>"
    }

    static func rangeText(_ range: ChunkRange) -> String {
        func bound(_ values: [String: JSONValue]?) -> String {
            guard let values else { return "∞" }
            return values.sorted { $0.key < $1.key }.map { "\($0.key)=\(MarkdownReport.text($0.value))" }.joined(
                separator: ", "
            )
        }
        return "[\(range.lower == nil ? "−∞" : bound(range.lower)), \(bound(range.upper)))"
    }

    /// HTML-escapes `text`.
    static func e(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
