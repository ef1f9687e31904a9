public import Foundation
public import Logging
import RowProofCluster
public import RowProofContracts
import RowProofCrypto

/// Queues submitted jobs, runs up to ``Configuration/maximumConcurrentJobs`` of them at once on
/// the coordinator's fleet (each through ``ReconRunner`` with its own folder and job store), and
/// keeps every job's state in the ``JobRegistry`` so a restarted server resumes the unfinished ones.
public actor JobService {
    private let configuration: Configuration
    private let registry: JobRegistry
    private let logger: Logger
    let live = LiveJobs()
    private var records: [String: JobRecord] = [:]
    private var order: [String] = []
    private var specifications: [String: ReconJob] = [:]
    private var queue: [String] = []
    private var running: [String: (task: Task<Void, Never>, slot: Int)] = [:]
    private var freeSlots: [Int]
    private var cancelRequested: Set<String> = []
    private(set) var totals = Totals()

    /// Counters since the server started.
    struct Totals: Sendable {
        var submitted = 0
        var finished: [JobState: Int] = [:]
        var leaseExpiries = 0
        var chunkFailures = 0
    }

    /// Opens the registry's jobs: those that were queued or running when the server stopped are
    /// queued again (a job resumes from its job store without re-reading finished chunks).
    public init(configuration: Configuration, registry: JobRegistry, logger: Logger) throws {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.freeSlots = Array(0..<max(1, configuration.maximumConcurrentJobs))
        for entry in try registry.all() {
            var record = entry.record
            let id = record.id
            order.append(id)
            if !record.state.isFinal {
                do {
                    specifications[id] = try JobSubmission.decode(
                        entry.specification,
                        format: entry.isYAML ? .yaml : .json
                    )
                    record.state = .queued
                    queue.append(id)
                } catch {
                    record.state = .failed
                    record.exitCode = 2
                    record.verdict = Verdict.error.rawValue
                    record.error = "the stored specification no longer validates: \(error)"
                    try registry.update(record)
                }
            }
            records[id] = record
        }
    }

    /// Starts the queued jobs that fit in the free slots (call once after `init`).
    public func start() {
        if !queue.isEmpty { logger.info("server.jobs.resume", metadata: ["queued": "\(queue.count)"]) }
        schedule()
    }

    /// Registers a validated job, queues it and returns its record.
    public func submit(
        _ job: ReconJob,
        specification: Data,
        isYAML: Bool,
        by identity: TokenIdentity
    ) throws -> JobRecord {
        let id = "job-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let record = JobRecord(
            id: id,
            name: job.name,
            state: .queued,
            submittedBy: identity.name,
            submittedAt: Self.now()
        )
        try registry.insert(record, specification: specification, isYAML: isYAML)
        records[id] = record
        order.append(id)
        specifications[id] = job
        queue.append(id)
        totals.submitted += 1
        logger.info(
            "server.job.submitted",
            metadata: ["job": "\(id)", "name": "\(job.name)", "by": "\(identity.name)"]
        )
        schedule()
        return records[id] ?? record
    }

    /// Every job, newest first, with live progress.
    public func list() -> [JobRecord] {
        order.reversed().compactMap { job($0) }
    }

    /// One job with live progress, or `nil`.
    public func job(_ id: String) -> JobRecord? {
        guard var record = records[id] else { return nil }
        if record.state == .running, let progress = live.progress(of: id) {
            record.progress = JobProgressSummary(progress)
        }
        return record
    }

    /// Cancels a queued or running job.
    ///
    /// - Throws: ``ServerError`` `notFound` for an unknown id, `conflict` for a finished job.
    public func cancel(_ id: String, by identity: TokenIdentity) throws -> JobRecord {
        guard let record = records[id] else {
            throw ServerError(.notFound, "no job \(id); list jobs with GET /v1/jobs")
        }
        switch record.state {
        case .queued:
            queue.removeAll { $0 == id }
            try finish(id, state: .cancelled, verdict: .error, error: "cancelled by \(identity.name) before it started")
        case .running:
            cancelRequested.insert(id)
            running[id]?.task.cancel()
            logger.info("server.job.cancel", metadata: ["job": "\(id)", "by": "\(identity.name)"])
        case .succeeded, .failed, .cancelled:
            throw ServerError(.conflict, "job \(id) has already finished (\(record.state.rawValue)); nothing to cancel")
        }
        return job(id) ?? record
    }

    /// The report file of a finished job in `format` (`json`, `markdown` or `html`).
    ///
    /// - Throws: ``ServerError`` `notFound` for an unknown id, `conflict` while the job has no report.
    public func reportFile(_ id: String, format: ReportFormat) throws -> URL {
        guard let record = records[id] else {
            throw ServerError(.notFound, "no job \(id); list jobs with GET /v1/jobs")
        }
        let file = configuration.folder(of: id).appendingPathComponent(format.fileName)
        guard record.state == .succeeded, FileManager.default.fileExists(atPath: file.path) else {
            throw ServerError(
                .conflict,
                "job \(id) has no report (state \(record.state.rawValue)); reports exist once a job has succeeded"
            )
        }
        return file
    }

    /// The workers of the running jobs.
    public func workers() -> [WorkerRecord] {
        live.snapshot().sorted { $0.key < $1.key }.flatMap { job, progress in
            progress.workerIDs.map { WorkerRecord(id: $0, job: job) }
        }
    }

    /// Counts by state, for the metrics.
    func stateCounts() -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        for record in records.values { counts[record.state, default: 0] += 1 }
        return counts
    }

    private func schedule() {
        while !queue.isEmpty, !freeSlots.isEmpty {
            let id = queue.removeFirst()
            guard let job = specifications[id], var record = records[id] else { continue }
            let slot = freeSlots.removeFirst()
            record.state = .running
            record.startedAt = Self.now()
            records[id] = record
            try? registry.update(record)
            let options = Self.options(
                for: job,
                folder: configuration.folder(of: id),
                slot: slot,
                configuration: configuration
            )
            let live = self.live
            var logger = self.logger
            logger[metadataKey: "job"] = "\(id)"
            // Detached: the run must not execute on this actor (it would hold up every API call).
            let task = Task.detached { [logger] in
                let result: Result<ReconRunner.Outcome, any Error>
                do {
                    var options = options
                    options.policy = try job.policy.map(Self.loadPolicy)
                    result = .success(
                        try await ReconRunner(job: job, options: options).run(
                            logger: logger,
                            progress: { live.update(id, $0) }
                        )
                    )
                } catch {
                    result = .failure(error)
                }
                await self.completed(id, result)
            }
            running[id] = (task, slot)
        }
    }

    private static func options(
        for job: ReconJob,
        folder: URL,
        slot: Int,
        configuration: Configuration
    ) -> ReconRunner.Options {
        var planning = JobPlanner.Defaults()
        if let rows = job.chunking?.chunkRows { planning.chunkRows = rows }
        var scheduling = LeaseScheduler.Configuration()
        if let attempts = job.chunking?.maxAttempts { scheduling.maximumAttempts = attempts }
        if let lease = job.chunking?.leaseSeconds { scheduling.leaseSeconds = Double(lease) }
        var options = ReconRunner.Options(
            outputDirectory: folder,
            workers: configuration.workersPerJob,
            workerExecutable: configuration.workerExecutable,
            bind: configuration.endpoint(slot: slot),
            signingKey: configuration.signingKey,
            signingKeyID: configuration.signingKeyID,
            scheduling: scheduling,
            planning: planning
        )
        // Remote workers stay connected from one job to the next; a local fleet is per job.
        options.shutdownWorkersAtEnd = configuration.workersPerJob > 0
        return options
    }

    /// The policy file a job names (a path on the server), with its SHA-256.
    private static func loadPolicy(_ path: String) throws -> (rules: ReportPolicy, sha256: String) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let policy = try ContractDecoder().decode(Policy.self, from: data, fileName: path)
        return (ReportPolicy(policy), SHA256.hexDigest(data))
    }

    private func completed(_ id: String, _ result: Result<ReconRunner.Outcome, any Error>) {
        if let slot = running.removeValue(forKey: id)?.slot { freeSlots.append(slot) }
        let last = live.remove(id)
        if let last {
            totals.leaseExpiries += last.leaseExpiries
            totals.chunkFailures += last.chunkFailures
            records[id]?.progress = JobProgressSummary(last)
        }
        let cancelled = cancelRequested.remove(id) != nil
        switch result {
        case .success(let outcome) where !cancelled:
            records[id]?.verdict = outcome.report.verdict.rawValue
            try? finish(
                id,
                state: .succeeded,
                verdict: outcome.report.verdict,
                exitCode: outcome.report.exitCode,
                error: nil
            )
        case .success:
            try? finish(id, state: .cancelled, verdict: .error, error: "cancelled while running")
        case .failure(let error):
            try? finish(
                id,
                state: cancelled ? .cancelled : .failed,
                verdict: .error,
                error: cancelled ? "cancelled while running" : "the job could not run: \(error)"
            )
        }
        schedule()
    }

    private func finish(_ id: String, state: JobState, verdict: Verdict, exitCode: Int = 2, error: String?) throws {
        guard var record = records[id] else { return }
        record.state = state
        record.verdict = verdict.rawValue
        record.exitCode = exitCode
        record.error = error
        record.finishedAt = Self.now()
        records[id] = record
        totals.finished[state, default: 0] += 1
        logger.info(
            "server.job.finished",
            metadata: ["job": "\(id)", "state": "\(state.rawValue)", "verdict": "\(verdict.rawValue)"]
        )
        try registry.update(record)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
