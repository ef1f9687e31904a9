public import Foundation
import RowProofContracts

/// The files `rowproof submit --wait` leaves for CI: the reports, JUnit XML and a Markdown summary.
public enum SubmitArtifacts {
    /// What was written, and the exit code the job implies.
    public struct Written: Sendable {
        /// The files, in writing order.
        public var files: [URL]
        /// 0 within tolerance, 1 differences beyond tolerance, 2 the job could not run or was cancelled.
        public var exitCode: Int32
        /// The Markdown summary.
        public var summary: String
    }

    /// Fetches a final job's reports and writes `report.json`, `report.md`, `report.html`,
    /// `junit.xml` and `summary.md` into `directory` (only `junit.xml` and `summary.md`, each
    /// saying why, when the job has no report).
    public static func write(for record: JobRecord, client: APIClient, to directory: URL) async throws -> Written {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [URL] = []
        func save(_ data: Data, _ name: String) throws {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url, options: .atomic)
            files.append(url)
        }
        guard record.state == .succeeded else {
            let reason = record.error ?? "the job ended \(record.state.rawValue)"
            let summary = StepSummary.render(
                jobName: record.name,
                jobID: record.id,
                state: record.state.rawValue,
                reason: reason
            )
            try save(Data(JUnitReport.render(jobName: record.name, reason: reason).utf8), "junit.xml")
            try save(Data(summary.utf8), "summary.md")
            return Written(files: files, exitCode: 2, summary: summary)
        }
        let json = try await client.report(record.id, format: .json)
        try save(json, "report.json")
        try save(try await client.report(record.id, format: .markdown), "report.md")
        try save(try await client.report(record.id, format: .html), "report.html")
        let report = try ContractDecoder().decode(ReconReport.self, from: json, fileName: "report.json")
        let summary = StepSummary.render(report, jobID: record.id)
        try save(Data(JUnitReport.render(report).utf8), "junit.xml")
        try save(Data(summary.utf8), "summary.md")
        return Written(files: files, exitCode: Int32(report.exitCode), summary: summary)
    }
}
