import ArgumentParser
import Foundation
import Logging
import RowProofCrypto
import RowProofGovernance
import RowProofServer
import RowProofSources

extension RowProofCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the coordinator as an HTTP service that takes recon jobs from CI.",
            discussion: """
                Endpoints (schemas/openapi.yaml): POST /v1/jobs (job as JSON or YAML, validated against \
                recon_job.schema.json; every bad field is listed), GET /v1/jobs, GET /v1/jobs/ID (state, \
                progress, verdict, exit code), GET /v1/jobs/ID/report?format=json|markdown|html, \
                POST /v1/jobs/ID/cancel, GET /v1/workers, GET /healthz, GET /readyz, GET /metrics.

                Tokens (--tokens, YAML or JSON): entries with name, role and either sha256 (hex SHA-256 of \
                the token) or token (env://NAME, file:///path, vault://path#key). Requests carry \
                `Authorization: Bearer TOKEN`. Roles: submitter may submit, read and cancel jobs; approver \
                may read jobs and reports; admin may do everything, including GET /v1/workers and \
                GET /metrics. /healthz and /readyz need no token; /metrics needs an admin token unless \
                --metrics-public. No or an unknown token: 401; a role that may not: 403.

                Each job runs with its own folder under --data-dir (reports and job store) and its own \
                local fleet of --workers processes; up to --max-concurrent-jobs run at once, the rest \
                wait. A restarted server lists the same jobs and resumes unfinished ones without \
                re-reading finished chunks. Follow a job from CI with `rowproof submit JOB --wait`.
                """
        )

        @Option(help: "HOST:PORT the HTTP API listens on.")
        var http: String = "127.0.0.1:8080"

        @Option(
            name: .customLong("data-dir"),
            help: "Folder for the job registry and each job's reports and job store."
        )
        var dataDir: String = "rowproof-server"

        @Option(
            help:
                "Bearer tokens file (YAML or JSON): name, role (submitter, approver, admin), sha256 or token reference."
        )
        var tokens: String

        @Option(help: "Local worker processes started for each job (0: only remote workers).")
        var workers: Int = 2

        @Option(
            help:
                "Where each job's coordinator listens for workers. tcp://HOST:* picks a free port per job; with a fixed port, job slot n uses port + n."
        )
        var bind: String = "tcp://127.0.0.1:*"

        @Option(name: .customLong("max-body-bytes"), help: "Largest request body accepted (413 beyond).")
        var maxBodyBytes: Int = 1 << 20

        @Option(name: .customLong("max-concurrent-jobs"), help: "Jobs running at once; the rest wait in the queue.")
        var maxConcurrentJobs: Int = 2

        @Flag(
            name: .customLong("metrics-public"),
            help: "Serve /metrics without a token (default: admin token required)."
        )
        var metricsPublic = false

        @Option(
            name: .customLong("signing-key"),
            help:
                "Ed25519 private key (PEM) signing every job's chunk plans, for remote workers: a path, env://NAME, file:///path or vault://path#key. Default: a fresh key per job."
        )
        var signingKey: String?

        @Option(name: .customLong("key-id"), help: "The signing key's id, as workers name it in --trust-key.")
        var keyID: String = "coordinator"

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard address != nil else { throw ValidationError("--http \(http): use HOST:PORT, e.g. 0.0.0.0:8080") }
            guard workers >= 0 else { throw ValidationError("--workers must be 0 or more") }
            guard maxConcurrentJobs >= 1 else { throw ValidationError("--max-concurrent-jobs must be at least 1") }
            guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
            guard bind.hasPrefix("tcp://") || bind.hasPrefix("ipc://") else {
                throw ValidationError("--bind must be a tcp:// or ipc:// endpoint")
            }
        }

        var address: (host: String, port: Int)? {
            guard let colon = http.lastIndex(of: ":"), let port = Int(http[http.index(after: colon)...]),
                (0...65535).contains(port)
            else { return nil }
            let host = String(http[..<colon])
            return host.isEmpty ? nil : (host, port)
        }

        func run() async throws {
            let logger = logging.bootstrap()
            let tokenStore: TokenStore
            do {
                tokenStore = try TokenStore.load(path: tokens)
            } catch {
                throw ValidationError("--tokens \(tokens): \(error)")
            }
            var key: Ed25519PrivateKey?
            if let signingKey {
                do {
                    key = try SigningKeyLoader.load(signingKey)
                } catch {
                    throw ValidationError("--signing-key \(signingKey): \(error)")
                }
            }
            guard let address else { throw ExitCode(2) }
            let jobs = JobService.Configuration(
                dataDirectory: URL(fileURLWithPath: dataDir),
                workersPerJob: workers,
                workerExecutable: RunReport.selfExecutable,
                bind: bind,
                maximumConcurrentJobs: maxConcurrentJobs,
                signingKey: key,
                signingKeyID: keyID
            )
            let configuration = APIServer.Configuration(
                host: address.host,
                port: address.port,
                tokens: tokenStore,
                maximumBodyBytes: maxBodyBytes,
                isMetricsPublic: metricsPublic,
                jobs: jobs
            )
            do {
                try await APIServer.run(configuration: configuration, logger: logger) { url in
                    FileHandle.standardError.write(Data("serve: listening on \(url)\n".utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("rowproof serve: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
