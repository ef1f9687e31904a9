import Foundation
public import Logging
import RowProofCore
import RowProofCrypto
public import RowProofWire

/// Farms a job's signed chunks out to workers over ZeroMQ and collects their results.
///
/// The socket lives on its own thread (``SocketLoop``); this loop turns worker messages and
/// clock ticks into ``LeaseScheduler`` events and carries out the actions it returns. Accepted
/// results are written to the ``JobStore`` before they count, so a restarted coordinator resumes
/// where the last one stopped.
public struct Coordinator: Sendable {
    /// Settings.
    public struct Configuration: Sendable {
        /// Where workers connect (`tcp://*:5555`; `tcp://127.0.0.1:*` picks a free port).
        public var bind: String
        /// Lease and retry settings.
        public var scheduling: LeaseScheduler.Configuration
        /// CURVE settings, when workers must authenticate.
        public var security: CurveSecurity?
        /// Frame limits.
        public var limits: WireLimits
        /// Tell workers to exit when the job ends (a fleet started for this job alone).
        public var shutdownWorkersAtEnd: Bool
        /// Says whether the source is under load; while it is, no new chunk is handed out.
        public var loadProbe: (@Sendable () -> SourceLoad)?
        /// Seconds between load probes.
        public var loadProbeInterval: Double
        /// Says why the job cannot go on without outside help (every local worker has exited), or `nil`.
        public var fleetCheck: (@Sendable () -> String?)?

        /// Creates settings.
        public init(
            bind: String,
            scheduling: LeaseScheduler.Configuration = .init(),
            security: CurveSecurity? = nil,
            limits: WireLimits = .standard,
            shutdownWorkersAtEnd: Bool = true
        ) {
            self.bind = bind
            self.scheduling = scheduling
            self.security = security
            self.limits = limits
            self.shutdownWorkersAtEnd = shutdownWorkersAtEnd
            self.loadProbe = nil
            self.loadProbeInterval = 2
            self.fleetCheck = nil
        }
    }

    private let configuration: Configuration
    private let store: any JobStore

    /// Creates a coordinator persisting to `store`.
    public init(configuration: Configuration, store: any JobStore) {
        self.configuration = configuration
        self.store = store
    }

    /// Merges the untouched chunks of the finished chunk's table into groups sized for the target
    /// chunk time, re-signing each merged plan and recording the merge in the store.
    static func adapt(
        _ adaptation: inout Adaptation,
        after envelope: ChunkResultEnvelope,
        scheduler: inout LeaseScheduler,
        chunks: inout [Int: SignedChunk],
        store: any JobStore,
        jobID: String,
        logger: Logger
    ) throws {
        let table = envelope.result.tableIndex
        adaptation.sizer.record(
            table: table,
            rows: max(envelope.result.sourceRows, envelope.result.targetRows),
            seconds: envelope.timing.seconds
        )
        let size = adaptation.sizer.groupSize(table: table, plannedRows: adaptation.plannedRows)
        guard size > 1 else { return }
        let untouched = scheduler.untouchedChunkIDs.filter { chunks[$0]?.plan.tableIndex == table }
        for group in ChunkSizer.groups(of: untouched, size: size) {
            let plans = group.compactMap { chunks[$0]?.plan }
            guard plans.count == group.count,
                zip(plans, plans.dropFirst()).allSatisfy({ $0.range.upper == $1.range.lower })
            else { continue }
            var merged = plans[0]
            merged.range.upper = plans[plans.count - 1].range.upper
            merged.source.snapshot = nil
            merged.target.snapshot = nil
            let signed = try adaptation.sign(merged)
            guard scheduler.merge(Array(group.dropFirst()), into: group[0]) else { continue }
            try store.mergePlans(jobID: jobID, into: merged, absorbing: Array(group.dropFirst()))
            chunks[group[0]] = signed
            for id in group.dropFirst() { chunks[id] = nil }
            logger.debug("coordinator.chunks.merged", metadata: ["into": "\(group[0])", "count": "\(group.count)"])
        }
    }

    /// Runs a blocking load probe on its own thread.
    static func probe(_ probe: @escaping @Sendable () -> SourceLoad) async -> SourceLoad {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: probe()) }.start()
        }
    }

    /// Binds the socket; returns the endpoint workers should connect to and a handle that runs the job.
    ///
    /// - Parameter logger: With CURVE, a worker whose key is refused is logged here, once per key.
    public func bind(context: ZMQContext, logger: Logger? = nil) throws(WireError) -> SocketLoop {
        let refusals = RefusedKeys()
        return try SocketLoop(
            context: context,
            type: .router,
            attachment: .bind(configuration.bind),
            security: configuration.security,
            limits: configuration.limits,
            onAuthentication: { key, allowed in
                guard !allowed, let logger, refusals.isFirstRefusal(of: key) else { return }
                logger.warning(
                    "coordinator.worker.refused",
                    metadata: [
                        "curve_public_key": "\(key.isEmpty ? "(none)" : key)",
                        "reason": "the worker's CURVE public key is not in the --curve-allow list",
                        "hint":
                            "add the key to the allow-list file and restart the coordinator, if the worker is yours",
                    ]
                )
            }
        )
    }

    /// Chunk-time adaptation: how to size and re-sign merged chunks.
    public struct Adaptation: Sendable {
        /// The sizer, with the target chunk time.
        public var sizer: ChunkSizer
        /// Rows per planned chunk.
        public var plannedRows: Int
        /// Signs a merged plan the way the job's plans are signed (adding this run's snapshots).
        public var sign: @Sendable (ChunkPlan) throws -> SignedChunk

        /// Creates an adaptation.
        public init(sizer: ChunkSizer, plannedRows: Int, sign: @escaping @Sendable (ChunkPlan) throws -> SignedChunk) {
            self.sizer = sizer
            self.plannedRows = plannedRows
            self.sign = sign
        }
    }

    /// Runs `chunks` of `jobID` to completion over `loop`; returns every chunk's result by chunk id.
    ///
    /// - Parameters:
    ///   - estimatedRows: the planner's estimate of the job's source rows, for progress.
    ///   - progress: called after every accepted chunk and every second.
    /// - Throws: ``JobFailure`` when a chunk runs out of attempts.
    public func run(
        jobID: String,
        chunks: [SignedChunk],
        estimatedRows: Int,
        loop: SocketLoop,
        logger: Logger,
        adaptation: Adaptation? = nil,
        progress: @escaping @Sendable (JobProgress) -> Void = { _ in }
    ) async throws -> [Int: ChunkResultEnvelope] {
        var logger = logger
        logger[metadataKey: "job"] = "\(jobID)"
        var results = try store.results(jobID: jobID)
        var byID = Dictionary(uniqueKeysWithValues: chunks.map { ($0.chunkID, $0) })
        var adaptation = adaptation
        let epoch = try store.nextEpoch(jobID: jobID)
        var scheduler = LeaseScheduler(
            chunkIDs: chunks.map(\.chunkID),
            doneChunkIDs: Set(results.keys),
            configuration: configuration.scheduling,
            leaseIDBase: epoch << 32 | 1
        )
        // With a load probe, nothing is handed out before its first answer.
        scheduler.isPaused = configuration.loadProbe != nil
        if !results.isEmpty {
            logger.info("coordinator.resume", metadata: ["done": "\(results.count)", "total": "\(chunks.count)"])
        }
        var leaseChunk: [UInt64: Int] = [:]
        var workerNames: [String: String] = [:]
        let started = Date()
        var rowsDone = results.values.reduce(0) { $0 + $1.result.sourceRows }
        var leaseExpiries = 0
        var chunkFailures = 0
        func report() {
            var current = JobProgress(
                chunksDone: results.count,
                chunksTotal: scheduler.chunks.count,
                rowsDone: rowsDone,
                rowsEstimated: estimatedRows,
                workers: scheduler.knownWorkers.count,
                elapsedSeconds: Date().timeIntervalSince(started)
            )
            current.chunksLeased = scheduler.counts.leased
            current.leaseExpiries = leaseExpiries
            current.chunkFailures = chunkFailures
            current.workerIDs = scheduler.knownWorkers.map { workerNames[$0] ?? $0 }
            progress(current)
        }

        let inbound = loop.messages()
        let (events, continuation) = AsyncStream.makeStream(of: CoordinatorEvent.self)
        let forwarder = Task {
            for await frames in inbound { continuation.yield(.frames(frames)) }
            continuation.finish()
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                continuation.yield(.tick)
            }
        }
        let prober = Task { [configuration] in
            guard let probe = configuration.loadProbe else { return }
            while !Task.isCancelled {
                let load = await Self.probe(probe)
                continuation.yield(.load(load))
                try? await Task.sleep(for: .seconds(configuration.loadProbeInterval))
            }
        }
        defer {
            forwarder.cancel()
            ticker.cancel()
            prober.cancel()
        }

        var lastHeartbeat = Date.distantPast
        var heartbeatSequence: UInt64 = 0
        var pending = scheduler.tick(now: 0)
        for await event in events {
            let now = Date().timeIntervalSince(started)
            var actions = pending
            pending = []
            switch event {
            case .load(let load):
                if load.isOverloaded != scheduler.isPaused {
                    scheduler.isPaused = load.isOverloaded
                    logger.notice(
                        load.isOverloaded ? "coordinator.backoff.start" : "coordinator.backoff.end",
                        metadata: ["load": "\(load.description)"]
                    )
                }
                actions += scheduler.tick(now: now)
            case .tick:
                if let reason = configuration.fleetCheck?() {
                    throw JobFailure.ofRun(reason)
                }
                actions += scheduler.tick(now: now)
                if Date().timeIntervalSince(lastHeartbeat) >= 1 {
                    lastHeartbeat = Date()
                    heartbeatSequence += 1
                    let beat = WireCodec.encode(.heartbeat(Heartbeat(sequence: heartbeatSequence)))
                    for worker in scheduler.knownWorkers { loop.send([Hex.decode(worker) ?? [], beat]) }
                    report()
                }
            case .frames(let frames):
                guard frames.count == 2 else {
                    logger.warning(
                        "coordinator.frame.rejected",
                        metadata: ["reason": "expected identity and one frame, got \(frames.count) frames"]
                    )
                    continue
                }
                let worker = Hex.encode(frames[0])
                let message: WireMessage
                do {
                    message = try WireCodec.decode(frames[1], limits: configuration.limits)
                } catch {
                    logger.warning(
                        "coordinator.frame.rejected",
                        metadata: ["worker": "\(workerNames[worker] ?? worker)", "reason": "\(error)"]
                    )
                    loop.send([frames[0], WireCodec.encode(.reject(reason: "\(error)"))])
                    continue
                }
                switch message {
                case .ready(let ready):
                    if workerNames[worker] == nil {
                        logger.info("coordinator.worker.joined", metadata: ["worker": "\(ready.workerID)"])
                    }
                    workerNames[worker] = ready.workerID
                    actions += scheduler.workerReady(worker, credits: Int(ready.credits), now: now)
                case .heartbeat(let beat):
                    actions += scheduler.heartbeat(from: worker, activeLeases: beat.activeLeases, now: now)
                case .result(let frame):
                    do {
                        let envelope = try ChunkResultEnvelope.decode(
                            try LZ4Frame.decompress(
                                frame.compressed,
                                maximumSize: configuration.limits.maximumResultBytes
                            )
                        )
                        guard let expected = leaseChunk[frame.leaseID], envelope.result.chunkID == expected else {
                            actions += scheduler.resultReceived(leaseID: frame.leaseID, from: worker, now: now).filter {
                                if case .acceptResult = $0 { return false } else { return true }
                            }
                            continue
                        }
                        if var adapting = adaptation {
                            try Self.adapt(
                                &adapting,
                                after: envelope,
                                scheduler: &scheduler,
                                chunks: &byID,
                                store: store,
                                jobID: jobID,
                                logger: logger
                            )
                            adaptation = adapting
                        }
                        let decided = scheduler.resultReceived(leaseID: frame.leaseID, from: worker, now: now)
                        for action in decided {
                            if case .acceptResult(let chunkID, _) = action, results[chunkID] == nil {
                                try store.storeResult(jobID: jobID, chunkID: chunkID, envelope: envelope)
                                results[chunkID] = envelope
                                rowsDone += envelope.result.sourceRows
                                report()
                            }
                        }
                        actions += decided
                    } catch {
                        logger.warning(
                            "coordinator.result.rejected",
                            metadata: ["lease": "\(frame.leaseID)", "reason": "\(error)"]
                        )
                        actions += scheduler.resultRejected(
                            leaseID: frame.leaseID,
                            from: worker,
                            reason: "unreadable result: \(error)",
                            now: now
                        )
                    }
                case .failure(let failure):
                    chunkFailures += 1
                    logger.warning(
                        "coordinator.chunk.failed",
                        metadata: [
                            "worker": "\(workerNames[worker] ?? worker)", "lease": "\(failure.leaseID)",
                            "retryable": "\(failure.isRetryable)",
                            "error": "\(failure.message)",
                        ]
                    )
                    actions += scheduler.failureReported(
                        leaseID: failure.leaseID,
                        from: worker,
                        isRetryable: failure.isRetryable,
                        message: failure.message,
                        now: now
                    )
                case .lease, .shutdown, .reject:
                    loop.send([frames[0], WireCodec.encode(.reject(reason: "unexpected message from a worker"))])
                }
            }

            for action in actions {
                switch action {
                case .sendLease(let worker, let chunkID, let leaseID, let attempt):
                    guard let chunk = byID[chunkID] else { continue }
                    leaseChunk[leaseID] = chunkID
                    let lease = Lease(
                        leaseID: leaseID,
                        attempt: UInt32(attempt),
                        plan: chunk.bytes,
                        keyID: chunk.keyID,
                        signature: chunk.signature,
                        leaseSeconds: UInt32(configuration.scheduling.leaseSeconds)
                    )
                    loop.send([Hex.decode(worker) ?? [], WireCodec.encode(.lease(lease))])
                    logger.debug(
                        "coordinator.lease",
                        metadata: ["chunk": "\(chunkID)", "lease": "\(leaseID)", "attempt": "\(attempt)"]
                    )
                case .leaseExpired(let chunkID, let leaseID, let worker):
                    leaseExpiries += 1
                    logger.warning(
                        "coordinator.lease.expired",
                        metadata: [
                            "chunk": "\(chunkID)", "lease": "\(leaseID)", "worker": "\(workerNames[worker] ?? worker)",
                        ]
                    )
                case .workerLost(let worker):
                    logger.warning("coordinator.worker.lost", metadata: ["worker": "\(workerNames[worker] ?? worker)"])
                case .ignoreStale(let leaseID, let reason):
                    logger.info("coordinator.result.ignored", metadata: ["lease": "\(leaseID)", "reason": "\(reason)"])
                case .acceptResult:
                    break
                case .jobComplete:
                    report()
                    if configuration.shutdownWorkersAtEnd {
                        let bye = WireCodec.encode(.shutdown(reason: "job \(jobID) finished"))
                        for worker in scheduler.knownWorkers { loop.send([Hex.decode(worker) ?? [], bye]) }
                        try? await Task.sleep(for: .milliseconds(100))  // one poll tick to flush
                    }
                    return results
                case .failJob(let chunkID, let attempts, let lastError):
                    let plan = byID[chunkID]?.plan
                    throw JobFailure(
                        chunkID: chunkID,
                        table: plan.map { "\($0.source.table)" } ?? "?",
                        range: plan?.range ?? .all,
                        attempts: attempts,
                        lastError: lastError
                    )
                }
            }
        }
        throw JobFailure.ofRun("the coordinator's socket closed")
    }
}
