import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

extension RowProofCommand {
    struct Recon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare tables between a source and a target, and write the report.",
            discussion: """
                Either name the tables on the command line (data-diff style) or give a job file:
                  rowproof recon postgresql://app@old/db postgresql://app@new/db --table public.orders -k id
                  rowproof recon --job job.yaml

                Connection strings: postgres:// or postgresql:// URLs, libpq conninfo ("host=… dbname=…"), \
                sqlite:///path/to/file.db. Passwords may come from PGPASSWORD, ~/.pgpass, or a secret \
                reference in place of the URL: env://NAME, file:///path, vault://path#key.

                By default a fleet of local worker processes does the work; reports go to --output as \
                report.json, report.md and report.html. Re-running an interrupted or failed job resumes it \
                (finished chunks are not read again); a job that finished is run again in full. Exit codes: 0 within tolerance, 1 differences beyond tolerance, 2 the job \
                could not run.

                With --migration ID the run becomes part of a migration's record (`rowproof migration`): \
                report.json is registered as the migration's recon_report artifact (or --artifact, e.g. \
                post_cutover_recon_report), its verdict is recorded as the migration's gate, and the run is \
                written to the audit log.
                """
        )

        @Argument(help: "Source connection string (omit with --job).")
        var source: String?

        @Argument(help: "Target connection string (omit with --job).")
        var target: String?

        @Option(name: .long, help: "A job file (YAML or JSON, schemas/recon_job.schema.json) instead of the arguments.")
        var job: String?

        @Option(name: [.customShort("t"), .long], help: "Source table, optionally schema-qualified (SCHEMA.TABLE).")
        var table: String?

        @Option(name: .customLong("target-table"), help: "Target table, when it is named differently.")
        var targetTable: String?

        @Option(
            name: [.customShort("k"), .customLong("key")],
            help: "Key column (repeat for composite keys). Default: the primary key."
        )
        var keys: [String] = []

        @Option(
            name: [.customShort("c"), .customLong("column")],
            help: "Compare only these columns (repeatable). Default: all."
        )
        var columns: [String] = []

        @Option(name: [.customShort("x"), .customLong("exclude")], help: "Leave this column out (repeatable).")
        var excluded: [String] = []

        @Option(
            name: [.customShort("w"), .customLong("where")],
            help: ArgumentHelp(
                "Compare only the rows for which this SQL condition holds, e.g. \"created_at < '2026-01-01'\".",
                discussion:
                    "Applied as written to both sides; the report names it. One condition: balanced parentheses, no ';', no comments."
            )
        )
        var filter: String?

        @Option(help: "rowhash (every row; default), keys, aggregate or sample.")
        var strategy: String?

        @Option(
            name: [.customShort("o"), .long],
            help: "Folder for the reports and the job store. Default: the job's output_dir, else rowproof-out."
        )
        var output: String?

        @Option(
            help: ArgumentHelp(
                "Local worker processes to start, 0 to 1024 (0: wait for external workers to connect). "
                    + "Default: the job's workers, else one per core (\(RowProofCommand.Recon.defaultWorkers) here)."
            )
        )
        var workers: Int?

        @Option(
            name: .customLong("chunk-rows"),
            help: "Rows per chunk (default: 100000; overrides the job file's chunking.chunk_rows)."
        )
        var chunkRows: Int?

        @Option(help: "Policy file (policy/policy.json shape): severity rules, redaction of sensitive columns.")
        var policy: String?

        @Option(help: "Where the coordinator listens for workers (tcp://*:5555 to accept remote workers).")
        var bind: String = "tcp://127.0.0.1:*"

        @Option(
            name: .customLong("max-source-sessions"),
            help:
                "Back off (start no new chunk) while the Postgres source has more active sessions than this, besides RowProof's own."
        )
        var maxSourceSessions: Int?

        @Flag(
            name: .customLong("no-snapshot"),
            help: "Do not export Postgres snapshots (chunks then read at different instants)."
        )
        var noSnapshot = false

        @Option(
            help:
                "Job store: a SQLite file (default: OUTPUT/rowproof-jobs.sqlite) or a Postgres URL (tables in schema rowproof)."
        )
        var store: String?

        @Option(help: "Record this run in a migration's registry and audit log (see `rowproof migration`).")
        var migration: String?

        @Option(help: "The artifact name the report is registered under, with --migration.")
        var artifact: String = "recon_report"

        @OptionGroup var governance: GovernanceOptions

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if artifact != "recon_report" {
                guard migration != nil else { throw ValidationError("--artifact needs --migration") }
                guard artifact.hasSuffix("recon_report"), ContractPattern.ruleID.matches(artifact) else {
                    throw ValidationError(
                        "--artifact \(artifact): a recon report's artifact name ends in recon_report, such as post_cutover_recon_report"
                    )
                }
            }
            if job == nil {
                guard source != nil, target != nil else {
                    throw ValidationError("give SOURCE and TARGET connection strings, or --job FILE")
                }
                guard table != nil else {
                    throw ValidationError("name the table to compare with --table SCHEMA.TABLE (or use --job FILE)")
                }
            } else if source != nil || table != nil {
                throw ValidationError("--job already names source, target and tables; drop the other arguments")
            } else if let option = optionsTheJobFileOwns.first {
                throw ValidationError(
                    "\(option) does not apply with --job: the job file says it (\(Self.jobField(of: option))); "
                        + "change it there, or drop --job"
                )
            }
            if let strategy, ReconStrategy(rawValue: strategy) == nil {
                throw ValidationError("--strategy \(strategy): use rowhash, keys, aggregate or sample")
            }
            if let workers, !(0...1024).contains(workers) {
                throw ValidationError("--workers \(workers): use 0 to 1024 (0 waits for external workers)")
            }
            if let chunkRows, chunkRows < 1 { throw ValidationError("--chunk-rows must be at least 1") }
            guard bind.hasPrefix("tcp://") || bind.hasPrefix("ipc://") else {
                throw ValidationError("--bind \(bind): use a tcp:// or ipc:// endpoint, e.g. tcp://*:5555")
            }
            if !columns.isEmpty && !excluded.isEmpty {
                throw ValidationError("use either --column or --exclude, not both")
            }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            let reconJob: ReconJob
            do {
                reconJob = applyingCommandLine(to: try loadJob())
            } catch {
                FileHandle.standardError.write(Data("rowproof: invalid job: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let runOptions = try options(for: reconJob)
            let recorder = try migrationRecorder()
            let code = await RunReport.run(
                job: reconJob,
                options: runOptions,
                logger: logger,
                quiet: false,
                onEndpoint: { endpoint, keyFile in
                    guard runOptions.workers == 0 else { return }
                    let invitation = WorkerInvitation(
                        endpoint: endpoint,
                        keyID: runOptions.signingKeyID,
                        publicKeyFile: keyFile
                    )
                    FileHandle.standardError.write(
                        Data("recon: waiting for workers; start each with\n  \(invitation.command)\n".utf8)
                    )
                },
                record: recorder
            )
            throw ExitCode(code)
        }

        /// With --migration: checks the migration exists before any work, and returns what records
        /// the finished run (artifact, gate verdict, audit entry).
        func migrationRecorder() throws -> ((ReconRunner.Outcome) throws -> Void)? {
            guard let migration else { return nil }
            let registry: MigrationRegistry
            do {
                registry = try governance.openRegistry()
                _ = try registry.migration(migration)
            } catch {
                FileHandle.standardError.write(Data("rowproof: --migration \(migration): \(error)\n".utf8))
                throw ExitCode(2)
            }
            let artifact = artifact
            let actor = governance.actorName
            return { outcome in
                guard let reportURL = outcome.files.first(where: { $0.pathExtension == "json" }) else {
                    throw GovernanceError(.badInput, "the run wrote no JSON report to register")
                }
                let sha = SHA256.hexDigest(try Data(contentsOf: reportURL))
                let report = outcome.report
                let totals = report.totals
                try registry.registerArtifact(migration: migration, name: artifact, path: reportURL.path, actor: actor)
                try registry.recordGate(
                    migration: migration,
                    name: MigrationRegistry.reconGate,
                    passed: report.exitCode == 0,
                    evidenceSHA256: sha,
                    actor: actor,
                    details: ["verdict": report.verdict.rawValue, "artifact": artifact]
                )
                try registry.audit.record(
                    AuditEvent(
                        migration: migration,
                        actor: actor,
                        action: "recon.completed",
                        subject: sha,
                        details: [
                            "job": report.job.name, "verdict": report.verdict.rawValue,
                            "severity": report.severity.rawValue,
                            "rows_source": String(totals.rowsSource), "rows_target": String(totals.rowsTarget),
                            "changed": String(totals.changed), "missing": String(totals.missing),
                            "extra": String(totals.extra),
                            "report": reportURL.path,
                        ]
                    )
                )
                print(
                    "  recorded: \(artifact) of migration \(migration); gate \(report.exitCode == 0 ? "passed" : "failed")"
                )
            }
        }

        func loadJob() throws -> ReconJob {
            if let job {
                return try ContractDecoder().decode(ReconJob.self, contentsOf: URL(fileURLWithPath: job))
            }
            let selection = TableSelection(
                source: table!,
                target: targetTable,
                keyColumns: keys.isEmpty ? nil : keys,
                columns: columns.isEmpty ? nil : columns,
                excludeColumns: excluded.isEmpty ? nil : excluded,
                where: filter
            )
            let name = ReconJob.defaultName(forTable: table!)
            let job = ReconJob(
                name: name,
                source: ConnectionEndpoint(url: source!),
                target: ConnectionEndpoint(url: target!),
                tables: [selection],
                strategy: strategy.flatMap(ReconStrategy.init(rawValue:)),
                chunking: chunkRows.map { ChunkingOptions(chunkRows: $0) }
            )
            try job.validate()
            return job
        }

        func options(for job: ReconJob) throws -> ReconRunner.Options {
            var planning = JobPlanner.Defaults()
            if let chunkRows = chunkRows ?? job.chunking?.chunkRows { planning.chunkRows = chunkRows }
            var scheduling = LeaseScheduler.Configuration()
            if let attempts = job.chunking?.maxAttempts { scheduling.maximumAttempts = attempts }
            if let lease = job.chunking?.leaseSeconds { scheduling.leaseSeconds = Double(lease) }
            var options = ReconRunner.Options(
                outputDirectory: URL(fileURLWithPath: outputFolder(for: job)),
                storePath: store,
                workers: workerCount(for: job),
                workerExecutable: RunReport.selfExecutable,
                bind: bind,
                useSnapshots: !noSnapshot,
                scheduling: scheduling,
                planning: planning,
                policy: try RunReport.loadPolicy(policy ?? job.policy.map { RunReport.path($0, relativeTo: self.job) })
            )
            options.maximumActiveSourceSessions = maxSourceSessions
            return options
        }
    }
}
