import ArgumentParser
import Foundation
import RowProofCluster
import RowProofServer

extension RowProofCommand {
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a recon job to a RowProof server (`rowproof serve`), e.g. from CI.",
            discussion: """
                Prints the job id. With --wait, shows progress until the job ends (retrying with backoff \
                while the server restarts or cannot be reached, up to --wait-timeout), then writes into \
                --output: report.json, report.md, report.html, junit.xml (one test case per table) and \
                summary.md (also appended to $GITHUB_STEP_SUMMARY when that is set).

                Exit codes, as `rowproof recon`: 0 within tolerance, 1 differences beyond tolerance, 2 the \
                job could not run, was cancelled, or the server could not be reached. Without --wait: 0 once \
                the job is accepted.
                """
        )

        @Argument(help: "The job file (YAML or JSON, schemas/recon_job.schema.json).")
        var job: String

        @Option(help: "The server's base URL, e.g. http://coordinator:8080.")
        var server: String

        @Option(help: "Bearer token (default: the ROWPROOF_TOKEN environment variable).")
        var token: String?

        @Flag(help: "Wait for the job to end, write the reports and exit with the job's exit code.")
        var wait = false

        @Option(name: .customLong("wait-timeout"), help: "Seconds to wait for the job (and for an unreachable server).")
        var waitTimeout: Double = 3600

        @Option(
            name: [.customShort("o"), .long],
            help: "Folder for the reports, junit.xml and summary.md (with --wait)."
        )
        var output: String = "rowproof-out"

        func validate() throws {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ValidationError("--server \(server): use an http:// or https:// URL")
            }
            guard waitTimeout > 0 else { throw ValidationError("--wait-timeout must be positive") }
        }

        func run() async throws {
            guard let token = token ?? ProcessInfo.processInfo.environment["ROWPROOF_TOKEN"], !token.isEmpty else {
                throw ValidationError("give a token with --token or the ROWPROOF_TOKEN environment variable")
            }
            let document: Data
            do {
                document = try Data(contentsOf: URL(fileURLWithPath: job))
            } catch {
                FileHandle.standardError.write(
                    Data("rowproof submit: cannot read the job file \(job): \(error.localizedDescription)\n".utf8)
                )
                throw ExitCode(2)
            }
            let client = APIClient(
                baseURL: URL(string: server)!,
                token: token,
                retryDeadline: Date().addingTimeInterval(waitTimeout),
                onRetry: { FileHandle.standardError.write(Data("submit: \($0)\n".utf8)) }
            )
            let isYAML = job.lowercased().hasSuffix(".yaml") || job.lowercased().hasSuffix(".yml")
            do {
                let record = try await client.submit(document, isYAML: isYAML)
                print(record.id)
                guard wait else { return }
                let printer = ProgressPrinter()
                let final = try await JobWaiter(client: client).wait(for: record.id) { current in
                    guard current.state == .running, current.progress.chunksTotal > 0 else { return }
                    let p = current.progress
                    printer.update(
                        JobProgress(
                            chunksDone: p.chunksDone,
                            chunksTotal: p.chunksTotal,
                            rowsDone: p.rowsDone,
                            rowsEstimated: p.rowsEstimated,
                            workers: p.workers,
                            elapsedSeconds: p.rowsPerSecond > 0 ? Double(p.rowsDone) / p.rowsPerSecond : 0
                        )
                    )
                }
                printer.finish()
                let written = try await SubmitArtifacts.write(
                    for: final,
                    client: client,
                    to: URL(fileURLWithPath: output)
                )
                if let summaryFile = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summaryFile.isEmpty,
                    let handle = FileHandle(forWritingAtPath: summaryFile)
                {
                    handle.seekToEndOfFile()
                    handle.write(Data(written.summary.utf8))
                    try? handle.close()
                }
                print(
                    "\(final.state.rawValue.uppercased()): \(final.name) (verdict \(final.verdict ?? "none"), exit code \(written.exitCode))"
                )
                if let error = final.error { print("  \(error)") }
                print("  files: " + written.files.map(\.path).joined(separator: "\n         "))
                throw ExitCode(written.exitCode)
            } catch let error as ClientError {
                FileHandle.standardError.write(Data("rowproof submit: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
