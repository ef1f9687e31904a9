import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

extension RowProofCommand {
    struct ParallelRun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parallel-run",
            abstract: "Reconcile a migration again and again on an interval, and decide the readiness gate.",
            discussion: """
                Runs the recon job N times (the policy's parallel_run.runs, or --runs), one run every \
                interval (parallel_run.interval_seconds, or --interval). Each run writes its reports to \
                OUTPUT/run-NN/ and is recorded in the history OUTPUT/parallel_run_history.json (time, report \
                SHA-256, verdict, differences, rows), with the trend (improving, stable, worsening) and the gate: \
                enough runs, and the last parallel_run.consecutive_passes of them passing. Re-running continues \
                the history. The history is registered as artifact parallel_run_history and the gate is recorded \
                for the migration's state machine. Exit codes: 0 gate passed, 1 gate not passed, 2 could not run.
                """
        )

        @Option(help: "The migration (as created with `rowproof migration create`).")
        var migration: String

        @Option(help: "The recon job file (YAML or JSON) each run executes.")
        var job: String

        @Option(
            help:
                "Policy file, for a migration registered without one (a migration's own policy cannot be replaced here)."
        )
        var policy: String?

        @Option(help: "Runs to do now (default: until the policy's number of runs is reached).")
        var runs: Int?

        @Option(help: "Seconds between run starts: the policy's interval_seconds (the default) or longer.")
        var interval: Int?

        @Option(
            name: [.customShort("o"), .long],
            help: "Folder for the runs' reports and the history. Default: HOME/parallel-run/MIGRATION."
        )
        var output: String?

        @Option(help: "Local worker processes per run.")
        var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @OptionGroup var governance: GovernanceOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
            if let interval, interval < 0 { throw ValidationError("--interval must be 0 or more seconds") }
            guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            let registry: MigrationRegistry
            let record: Migration
            let requirement: ParallelRunRequirement
            let reconJob: ReconJob
            let policyFile: (rules: ReportPolicy, sha256: String)?
            do {
                registry = try governance.openRegistry()
                record = try registry.migration(migration)
                guard let path = policy ?? record.policyPath else {
                    throw ValidationError(
                        "migration \(migration) has no policy; give one with --policy policy/policy.json"
                    )
                }
                // The gate is decided by the policy the migration was created with; another one
                // could lower the bar, so it is refused rather than silently used.
                if policy != nil, let governing = record.policySHA256,
                    let data = FileManager.default.contents(atPath: path), SHA256.hexDigest(data) != governing
                {
                    throw ValidationError(
                        "--policy \(path) is not the policy migration \(migration) is governed by "
                            + "(\(record.policyPath ?? "?"), sha256 \(governing.prefix(16))…); run without --policy"
                    )
                }
                var loaded = try ContractDecoder().decode(Policy.self, contentsOf: URL(fileURLWithPath: path))
                    .parallelRun
                if let interval {
                    // Runs closer together than the policy asks would pass its soak time off as done.
                    guard interval >= loaded.intervalSeconds else {
                        throw ValidationError(
                            "--interval \(interval): the policy requires at least \(loaded.intervalSeconds) s between runs"
                        )
                    }
                    loaded.intervalSeconds = interval
                }
                requirement = loaded
                policyFile = try RunReport.loadPolicy(path)
                reconJob = try ContractDecoder().decode(ReconJob.self, contentsOf: URL(fileURLWithPath: job))
            } catch {
                FileHandle.standardError.write(Data("rowproof: parallel-run could not start: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let folder = URL(
                fileURLWithPath: output
                    ?? governance.governanceHome.url.appendingPathComponent("parallel-run/\(migration)").path
            )
            let historyURL = folder.appendingPathComponent("parallel_run_history.json")
            let scheduler = ParallelRunScheduler(
                migrationID: migration,
                requirement: requirement,
                clock: SystemParallelRunClock(),
                recorder: registry.audit,
                actor: governance.actorName,
                historyURL: historyURL
            )
            let workers = self.workers
            let history: ParallelRunHistory
            do {
                history = try await scheduler.run(count: runs) { run in
                    let runFolder = folder.appendingPathComponent(String(format: "run-%02d", run))
                    let options = ReconRunner.Options(
                        outputDirectory: runFolder,
                        storePath: nil,
                        workers: workers,
                        workerExecutable: RunReport.selfExecutable,
                        bind: "tcp://127.0.0.1:*",
                        useSnapshots: true,
                        scheduling: LeaseScheduler.Configuration(),
                        planning: JobPlanner.Defaults(),
                        policy: policyFile
                    )
                    let outcome = try await ReconRunner(job: reconJob, options: options).run(logger: logger)
                    let reportURL =
                        outcome.files.first { $0.lastPathComponent.hasSuffix(".json") }
                        ?? runFolder.appendingPathComponent("report.json")
                    let sha = SHA256.hexDigest(try Data(contentsOf: reportURL))
                    print("run \(run): \(outcome.report.verdict.rawValue) (\(reportURL.path))")
                    return RunOutcome(report: outcome.report, path: reportURL.path, sha256: sha)
                }
                let historySHA = SHA256.hexDigest(try Data(contentsOf: historyURL))
                try registry.registerArtifact(
                    migration: migration,
                    name: ParallelRunHistory.artifactName,
                    path: historyURL.path,
                    actor: governance.actorName
                )
                if let last = history.runs.last, let report = last.reportPath {
                    try registry.registerArtifact(
                        migration: migration,
                        name: "recon_report",
                        path: report,
                        actor: governance.actorName
                    )
                    try registry.recordGate(
                        migration: migration,
                        name: MigrationRegistry.reconGate,
                        passed: last.passed,
                        evidenceSHA256: last.reportSHA256,
                        actor: governance.actorName,
                        details: ["run": String(last.run), "verdict": last.verdict.rawValue]
                    )
                }
                try registry.recordGate(
                    migration: migration,
                    name: MigrationRegistry.parallelRunsGate,
                    passed: history.gate.passed,
                    evidenceSHA256: historySHA,
                    actor: governance.actorName,
                    details: ["summary": history.gate.summary, "trend": history.trend.rawValue]
                )
            } catch {
                FileHandle.standardError.write(Data("rowproof: parallel-run could not run: \(error)\n".utf8))
                throw ExitCode(2)
            }
            print(
                """
                \(history.gate.passed ? "GATE PASSED" : "GATE NOT PASSED"): \(history.gate.summary)
                  trend: \(history.trend.rawValue); differences per run: \(history.differencesPerRun.map { $0.map(String.init) ?? "-" }.joined(separator: ", "))
                  history: \(historyURL.path)
                """
            )
            throw ExitCode(history.gate.passed ? 0 : 1)
        }
    }
}
