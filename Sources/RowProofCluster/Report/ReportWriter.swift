public import Foundation
public import RowProofContracts

/// Writes a report's three forms: `report.json` (schemas/recon_report), `report.md` (CI job
/// summaries) and `report.html` (self-contained), each atomically (never a half-written file).
public enum ReportWriter {
    /// The report files' names, in the order ``write(_:to:)`` returns them.
    static let fileNames = ["report.json", "report.md", "report.html"]

    /// Removes the report files an earlier run left in `directory`, so that a run that stops
    /// before its report is written never leaves another run's verdict beside its job store.
    public static func removeReports(in directory: URL) throws {
        for name in fileNames {
            let file = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            try FileManager.default.removeItem(at: file)
        }
    }

    /// Writes the files into `directory`; returns their URLs (JSON, Markdown, HTML).
    public static func write(_ report: ReconReport, to directory: URL) throws -> [URL] {
        let json = directory.appendingPathComponent(fileNames[0])
        let markdown = directory.appendingPathComponent(fileNames[1])
        let html = directory.appendingPathComponent(fileNames[2])
        // The contract encoder validates first: an invalid report is never written.
        try ContractEncoder().encode(report).write(to: json, options: .atomic)
        try Data(MarkdownReport.render(report).utf8).write(to: markdown, options: .atomic)
        try Data(HTMLReport.render(report).utf8).write(to: html, options: .atomic)
        return [json, markdown, html]
    }
}
