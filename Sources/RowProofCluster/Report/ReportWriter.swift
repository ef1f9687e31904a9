public import Foundation
public import RowProofContracts

/// Writes a report's three forms: `report.json` (schemas/recon_report), `report.md` (CI job
/// summaries) and `report.html` (self-contained), each atomically (never a half-written file).
public enum ReportWriter {
    /// Writes the files into `directory`; returns their URLs (JSON, Markdown, HTML).
    public static func write(_ report: ReconReport, to directory: URL) throws -> [URL] {
        let json = directory.appendingPathComponent("report.json")
        let markdown = directory.appendingPathComponent("report.md")
        let html = directory.appendingPathComponent("report.html")
        // The contract encoder validates first: an invalid report is never written.
        try ContractEncoder().encode(report).write(to: json, options: .atomic)
        try Data(MarkdownReport.render(report).utf8).write(to: markdown, options: .atomic)
        try Data(HTMLReport.render(report).utf8).write(to: html, options: .atomic)
        return [json, markdown, html]
    }
}
