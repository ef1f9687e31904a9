import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto

/// Runs a job with a progress display and prints where the reports are; returns the exit code.
enum RunReport {
    /// This executable, to start local workers with.
    static var selfExecutable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    /// `path` as written in a job file: relative paths are relative to the job file's folder.
    static func path(_ path: String, relativeTo jobFile: String?) -> String {
        guard !path.hasPrefix("/"), let jobFile else { return path }
        return URL(fileURLWithPath: jobFile).deletingLastPathComponent().appendingPathComponent(path).path
    }

    /// The policy file at `path`, with its SHA-256.
    ///
    /// - Throws: a ``ContractError`` naming the file when it cannot be read or is not a valid policy.
    static func loadPolicy(_ path: String?) throws -> (rules: ReportPolicy, sha256: String)? {
        guard let path else { return nil }
        let url = URL(fileURLWithPath: path)
        let policy = try ContractDecoder().decode(Policy.self, contentsOf: url)
        return (ReportPolicy(policy), SHA256.hexDigest(try Data(contentsOf: url)))
    }

    static func run(
        job: ReconJob,
        options: ReconRunner.Options,
        logger: Logger,
        quiet: Bool,
        onEndpoint: @escaping @Sendable (_ endpoint: String, _ publicKeyFile: URL) -> Void = { _, _ in },
        record: ((ReconRunner.Outcome) throws -> Void)? = nil
    ) async -> Int32 {
        let progress = ProgressPrinter()
        Interruption.install(before: { progress.finish() })
        do {
            let outcome = try await ReconRunner(job: job, options: options).run(
                logger: logger,
                onEndpoint: onEndpoint,
                progress: { progress.update($0) }
            )
            progress.finish()
            let report = outcome.report
            let t = report.totals
            if !quiet {
                print(
                    """
                    \(report.verdict.rawValue.uppercased()): \(report.job.name) (severity \(report.severity.rawValue))
                      \(t.rowsSource) source rows, \(t.rowsTarget) target rows: \(t.matched) matched, \(t.changed) changed, \
                    \(t.missing) missing, \(t.extra) extra, \(t.duplicateKeys) duplicate keys, \(t.withinTolerance) within tolerance
                    """
                )
                if outcome.resumedChunks > 0 { print("  resumed: \(outcome.resumedChunks) chunks were already done") }
                for table in report.tables where table.guarantee != .full {
                    print("  note: \(table.sourceTable) was compared with guarantee \(table.guarantee.rawValue)")
                }
                for table in report.tables {
                    guard let columns = table.targetOnlyColumns else { continue }
                    print("  note: not compared (only in \(table.targetTable)): \(columns.joined(separator: ", "))")
                }
                print("  reports: " + outcome.files.map(\.path).joined(separator: "\n           "))
            }
            if let record {
                do {
                    try record(outcome)
                } catch {
                    FileHandle.standardError.write(
                        Data("rowproof: the reports are written but could not be recorded: \(error)\n".utf8)
                    )
                    return 2
                }
            }
            return Int32(report.exitCode)
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("rowproof: the job could not run: \(error)\n".utf8))
            return 2
        }
    }
}
