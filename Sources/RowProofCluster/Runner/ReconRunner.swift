public import Foundation
public import Logging
public import RowProofContracts
import RowProofCore
public import RowProofCrypto
import RowProofSources
public import RowProofWire

/// Runs a recon job from start to finish on this machine: plans it, signs the chunk plans,
/// serves them to a fleet of worker processes over ZeroMQ, and writes the reports.
public struct ReconRunner: Sendable {
    /// How to run.
    public struct Options: Sendable {
        /// Folder for the reports and (by default) the job store.
        public var outputDirectory: URL
        /// Job store: a SQLite file path (default: `<output>/rowproof-jobs.sqlite`) or a Postgres URL.
        public var storePath: String?
        /// Local worker processes to start (0: only external workers).
        public var workers: Int
        /// The command that starts one worker: executable and leading arguments (`[rowproof, "worker"]`).
        public var workerExecutable: URL?
        /// Where the coordinator listens.
        public var bind: String
        /// Export a Postgres snapshot per side so every chunk reads the same instant.
        public var useSnapshots: Bool
        /// The plan-signing key; an ephemeral one is generated when `nil` (local fleets).
        public var signingKey: Ed25519PrivateKey?
        /// The signing key's id.
        public var signingKeyID: String
        /// Lease and retry settings.
        public var scheduling: LeaseScheduler.Configuration
        /// Planning defaults (rows per chunk, differences kept).
        public var planning: JobPlanner.Defaults
        /// Severity and redaction rules, with the SHA-256 of the policy file they came from.
        public var policy: (rules: ReportPolicy, sha256: String)?
        /// CURVE encryption and the worker allow-list (server side); local workers get a key pair of
        /// their own, added to the allow-list.
        public var security: CurveSecurity?
        /// Back off (hand out no new chunk) while the Postgres source has more than this many active
        /// sessions besides RowProof's readers; `nil` never backs off.
        public var maximumActiveSourceSessions: Int?
        /// Tell every connected worker to exit when the job ends. A long-running coordinator whose
        /// remote workers serve job after job sets this to `false`; its local workers are stopped
        /// anyway.
        public var shutdownWorkersAtEnd: Bool

        /// Creates options.
        public init(
            outputDirectory: URL,
            storePath: String? = nil,
            workers: Int = 2,
            workerExecutable: URL? = nil,
            bind: String = "tcp://127.0.0.1:*",
            useSnapshots: Bool = true,
            signingKey: Ed25519PrivateKey? = nil,
            signingKeyID: String = "coordinator",
            scheduling: LeaseScheduler.Configuration = .init(),
            planning: JobPlanner.Defaults = .init(),
            policy: (rules: ReportPolicy, sha256: String)? = nil
        ) {
            self.outputDirectory = outputDirectory
            self.storePath = storePath
            self.workers = workers
            self.workerExecutable = workerExecutable
            self.bind = bind
            self.useSnapshots = useSnapshots
            self.signingKey = signingKey
            self.signingKeyID = signingKeyID
            self.scheduling = scheduling
            self.planning = planning
            self.policy = policy
            self.security = nil
            self.maximumActiveSourceSessions = nil
            self.shutdownWorkersAtEnd = true
        }
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        /// The report.
        public var report: ReconReport
        /// Paths of the JSON, Markdown and HTML reports.
        public var files: [URL]
        /// Chunks that an earlier run of the same job had already finished.
        public var resumedChunks: Int
    }

    private let job: ReconJob
    private let options: Options

    /// Creates a runner for `job`.
    public init(job: ReconJob, options: Options) {
        self.job = job
        self.options = options
    }

    /// Runs the job; progress goes to `progress`, events to `logger`. Once the coordinator
    /// listens, `onEndpoint` gets its endpoint and the file holding the public key workers must
    /// trust (`--trust-key ID=FILE`).
    public func run(
        logger: Logger,
        onEndpoint: @escaping @Sendable (_ endpoint: String, _ publicKeyFile: URL) -> Void = { _, _ in },
        progress: @escaping @Sendable (JobProgress) -> Void = { _ in }
    ) async throws -> Outcome {
        let startedAt = Date()
        var timings: [PhaseTiming] = []
        var phaseStart = Date()
        func phase(_ name: PhaseTiming.Phase) {
            timings.append(
                PhaseTiming(phase: name, seconds: (Date().timeIntervalSince(phaseStart) * 1000).rounded() / 1000)
            )
            phaseStart = Date()
        }
        do {
            try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
            // Whatever happens next, the folder never shows an earlier run's verdict as this one's.
            try ReportWriter.removeReports(in: options.outputDirectory)
        } catch {
            throw RunnerError.outputFolder(options.outputDirectory, error)
        }

        // Plan (blocking catalog queries) off the cooperative pool.
        let planner = JobPlanner(job: job, defaults: options.planning)
        let planned = try await Self.onThread { try planner.plan() }
        phase(.plan)
        let store: any JobStore = try Self.openStore(
            options.storePath ?? options.outputDirectory.appendingPathComponent("rowproof-jobs.sqlite").path
        )
        let plans: [ChunkPlan]
        if let stored = try store.plans(jobID: planned.jobID, specSHA256: planned.specSHA256) {
            plans = stored
        } else {
            plans = planned.plans
            try store.createJob(
                jobID: planned.jobID,
                specSHA256: planned.specSHA256,
                specification: try JobPlanner.specificationBytes(of: job),
                plans: plans
            )
        }
        var plannedJob = planned
        plannedJob.plans = plans
        // A job whose last run finished is run again in full; only an unfinished run resumes.
        if try store.restartIfFinished(jobID: planned.jobID) {
            logger.info("recon.job.restarted", metadata: ["job": "\(planned.jobID)"])
        }
        let resumed = try store.results(jobID: planned.jobID).count

        // Snapshots: one per Postgres side, held for the whole run.
        var holders: [SnapshotHolder] = []
        var snapshots = SnapshotPair()
        var sourceSnapshot: String?
        var targetSnapshot: String?
        // Declared before any snapshot is taken: if the target's fails, the source's is released too.
        defer { for holder in holders { holder.release() } }
        if options.useSnapshots {
            if let taken = try await Self.holdSnapshot(of: job.source.url) {
                holders.append(taken.holder)
                sourceSnapshot = taken.holder.snapshot.id
                snapshots.source = taken.info
            }
            if let taken = try await Self.holdSnapshot(of: job.target.url) {
                holders.append(taken.holder)
                targetSnapshot = taken.holder.snapshot.id
                snapshots.target = taken.info
            }
        }
        phase(.snapshot)

        // Sign every chunk as it will be handed out (with this run's snapshots).
        let key = try options.signingKey ?? Ed25519PrivateKey.generate()
        let keyID = options.signingKeyID
        let signLive: @Sendable (ChunkPlan) throws -> SignedChunk = { plan in
            let (bytes, signature) = try PlanSigner.sign(plan, with: key)
            return SignedChunk(chunkID: plan.chunkID, plan: plan, bytes: bytes, signature: signature, keyID: keyID)
        }
        let sign: @Sendable (ChunkPlan) throws -> SignedChunk = { [sourceSnapshot, targetSnapshot] plan in
            var plan = plan
            plan.source.snapshot = sourceSnapshot
            plan.target.snapshot = targetSnapshot
            return try signLive(plan)
        }
        let signed = try plans.map(sign)
        let adaptation = job.chunking?.targetChunkSeconds.map {
            Coordinator.Adaptation(
                sizer: ChunkSizer(targetSeconds: $0),
                plannedRows: planner.plannedChunkRows,
                sign: sign
            )
        }

        // Serve the chunks.
        let context = try ZMQContext()
        defer { context.terminate() }
        var security = options.security
        var fleetKeys: CurveKeyPair?
        if case .server(let keys, let allowed)? = options.security, options.workers > 0 {
            let local = try CurveKeyPair.generate()
            fleetKeys = local
            security = .server(keys: keys, allowedClientKeys: allowed.isEmpty ? [] : allowed.union([local.publicKey]))
        }
        var configuration = Coordinator.Configuration(
            bind: options.bind,
            scheduling: options.scheduling,
            security: security,
            shutdownWorkersAtEnd: true
        )
        if let threshold = options.maximumActiveSourceSessions, SourceAccessKind.isPostgres(job.source.url) {
            configuration.loadProbe = LoadProbe.postgres(
                location: JobPlanner.location(job.source),
                threshold: threshold
            )
        }
        let fleetBox = FleetBox()
        configuration.fleetCheck = { fleetBox.fleet?.allExited() }
        let recheckDelay = job.recheck.flatMap { $0.enabled ? Double($0.delaySeconds ?? 60) : nil }
        configuration.shutdownWorkersAtEnd = options.shutdownWorkersAtEnd && recheckDelay == nil
        let coordinator = Coordinator(configuration: configuration, store: store)
        let loop: SocketLoop
        do {
            loop = try coordinator.bind(context: context, logger: logger)
        } catch {
            throw RunnerError.bind(options.bind, error)
        }
        defer { loop.shutdown() }
        var fleet: LocalFleet?
        // Workers need the plan-signing public key: for this job it is written beside the reports.
        let keyFile = options.outputDirectory.appendingPathComponent("coordinator-\(planned.jobID).pub.pem")
        try Data(try key.publicKey.pemRepresentation.utf8).write(to: keyFile)
        onEndpoint(loop.endpoint, keyFile)
        if options.workers > 0, let executable = options.workerExecutable {
            let logs = options.outputDirectory.appendingPathComponent("logs")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            var curveArguments: [String] = []
            if let fleetKeys, case .server(let serverKeys, _)? = security {
                let curveFile = options.outputDirectory.appendingPathComponent(".fleet-\(planned.jobID).curve.json")
                _ = FileManager.default.createFile(
                    atPath: curveFile.path,
                    contents: try JSONEncoder().encode(fleetKeys),
                    attributes: [.posixPermissions: 0o600]
                )
                curveArguments = ["--curve-keys", curveFile.path, "--curve-server-key", serverKeys.publicKey]
            }
            fleet = try LocalFleet(
                count: options.workers,
                executable: executable,
                arguments: { index in
                    [
                        "worker", "--connect", loop.endpoint, "--trust-key", "\(options.signingKeyID)=\(keyFile.path)",
                        "--worker-id", "local-\(index + 1)", "--coordinator-timeout", "60", "--exit-with-parent",
                    ] + curveArguments
                },
                logDirectory: logs
            )
            fleetBox.fleet = fleet
        }
        defer { fleet?.stop() }
        var results: [Int: ChunkResultEnvelope]
        do {
            results = try await coordinator.run(
                jobID: planned.jobID,
                chunks: signed,
                estimatedRows: planned.estimatedRows,
                loop: loop,
                logger: logger,
                adaptation: adaptation,
                progress: progress
            )
        } catch {
            try? store.finish(jobID: planned.jobID, status: "error: \(error)")
            throw error
        }
        phase(.diff)
        var recheckSummaries: [Int: RecheckSummary] = [:]
        if let recheckDelay {
            var recheckConfiguration = configuration
            recheckConfiguration.shutdownWorkersAtEnd = options.shutdownWorkersAtEnd
            recheckSummaries = try await Recheck(
                jobID: planned.jobID,
                specSHA256: planned.specSHA256,
                delaySeconds: recheckDelay,
                store: store,
                coordinator: Coordinator(configuration: recheckConfiguration, store: store),
                loop: loop,
                logger: logger
            ).run(
                results: &results,
                plans: try store.plans(jobID: planned.jobID, specSHA256: planned.specSHA256) ?? plans,
                signLive: signLive
            )
            phase(.recheck)
        }
        // Chunk-time adaptation may have merged chunks: the store holds the final plans.
        if adaptation != nil, let final = try store.plans(jobID: planned.jobID, specSHA256: planned.specSHA256) {
            plannedJob.plans = final
            for index in plannedJob.tables.indices {
                plannedJob.tables[index].chunkIDs = final.filter { $0.tableIndex == index }.map(\.chunkID)
            }
        }

        // Merge and write the reports.
        let reportPolicy = options.policy?.rules ?? .standard
        let builder = ReportBuilder(
            context: .init(
                job: job,
                planned: plannedJob,
                policy: reportPolicy,
                policySHA256: options.policy.map { $0.sha256.isEmpty ? $0.rules.fingerprint : $0.sha256 }
                    ?? reportPolicy.fingerprint,
                hashingSpecSHA256: HashingSpec.sha256,
                startedAt: ISO8601DateFormatter().string(from: startedAt),
                finishedAt: ISO8601DateFormatter().string(from: Date()),
                timings: timings,
                snapshot: snapshots.source == nil && snapshots.target == nil ? nil : snapshots,
                differenceLimit: options.planning.differenceLimit,
                recheck: recheckSummaries,
                resumedChunks: resumed
            )
        )
        var report = try builder.build(results: results)
        phase(.merge)
        report.timings = timings
        let files = try ReportWriter.write(report, to: options.outputDirectory)
        try store.finish(jobID: planned.jobID, status: report.verdict.rawValue)
        return Outcome(report: report, files: files, resumedChunks: resumed)
    }

    /// The job store at `location`: a Postgres URL or conninfo, else a SQLite file path.
    static func openStore(_ location: String) throws -> any JobStore {
        if SourceAccessKind.isPostgres(location) { return try PostgresJobStore(url: location) }
        return try SQLiteJobStore(
            path: location.hasPrefix("sqlite://") ? String(location.dropFirst("sqlite://".count)) : location
        )
    }

    /// Runs blocking work on a new thread and awaits its result.
    /// Takes a snapshot of `location` and holds it open, when it is a Postgres location; `nil`
    /// for other engines.
    private static func holdSnapshot(of location: String) async throws -> (holder: SnapshotHolder, info: SnapshotInfo)?
    {
        guard SourceAccessKind.isPostgres(location) else { return nil }
        let holder = try await onThread { try SnapshotHolder(location: location) }
        let info = SnapshotInfo(
            engine: "postgres",
            snapshotID: holder.snapshot.id,
            isolation: .repeatableRead,
            lsn: holder.snapshot.walPosition,
            takenAt: ISO8601DateFormatter().string(from: Date())
        )
        return (holder, info)
    }

    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}

/// Which engine a location string names, without connecting.
enum SourceAccessKind {
    static func isPostgres(_ location: String) -> Bool {
        (try? SourceLocation(parsing: location))?.engine == .postgres
    }
}

/// Lets the coordinator's fleet check see the fleet started after the coordinator was configured.
///
/// `@unchecked Sendable`: `fleet` is written once, before the coordinator's loop starts reading it.
private final class FleetBox: @unchecked Sendable {
    var fleet: LocalFleet?
}
