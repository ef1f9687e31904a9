import Foundation
public import Logging
import RowProofCore
import RowProofSources
public import RowProofWire
import Synchronization

/// A worker process's main loop: asks the coordinator for chunks, verifies each plan's
/// signature, compares the chunk, and sends back the LZ4-compressed result.
///
/// The socket lives on its own thread (``SocketLoop``); chunks run one at a time on a dedicated
/// thread so the loop keeps heartbeating during long chunks.
public struct WorkerService: Sendable {
    /// Settings.
    public struct Configuration: Sendable {
        /// The coordinator's endpoint (`tcp://host:port`).
        public var endpoint: String
        /// The worker's name in logs and reports.
        public var workerID: String
        /// Keys whose signatures this worker accepts.
        public var trustedKeys: TrustedKeys
        /// CURVE settings, when the coordinator requires encryption.
        public var security: CurveSecurity?
        /// Seconds between heartbeats.
        public var heartbeatInterval: Double
        /// Exit when the coordinator has been silent this long (0: never).
        public var coordinatorTimeout: Double
        /// Frame limits.
        public var limits: WireLimits
        /// Exit when the process that started this worker exits (a local fleet of a `recon` run).
        public var exitWithParent: Bool
        /// Seconds without a word from the coordinator after which the worker warns (once per
        /// silence) that nothing answers at ``endpoint``; it keeps trying.
        public var silenceWarningSeconds: Double

        /// Creates settings.
        public init(
            endpoint: String,
            workerID: String,
            trustedKeys: TrustedKeys,
            security: CurveSecurity? = nil,
            heartbeatInterval: Double = 1,
            coordinatorTimeout: Double = 0,
            limits: WireLimits = .standard,
            exitWithParent: Bool = false
        ) {
            self.exitWithParent = exitWithParent
            self.silenceWarningSeconds = 15
            self.endpoint = endpoint
            self.workerID = workerID
            self.trustedKeys = trustedKeys
            self.security = security
            self.heartbeatInterval = heartbeatInterval
            self.coordinatorTimeout = coordinatorTimeout
            self.limits = limits
        }
    }

    private let configuration: Configuration
    private let processor: ChunkProcessor

    /// Creates a worker comparing chunks with `processor`.
    public init(configuration: Configuration, processor: ChunkProcessor) {
        self.configuration = configuration
        self.processor = processor
    }

    /// Runs until the coordinator says `shutdown` (or goes silent past the timeout).
    public func run(logger: Logger) async throws {
        var taggedLogger = logger
        taggedLogger[metadataKey: "worker"] = "\(configuration.workerID)"
        let logger = taggedLogger
        let context = try ZMQContext()
        let loop = try SocketLoop(
            context: context,
            type: .dealer,
            attachment: .connect(configuration.endpoint),
            identity: Array(configuration.workerID.utf8),
            security: configuration.security,
            limits: configuration.limits
        )
        defer {
            loop.shutdown()
            context.terminate()
        }
        let state = WorkerState()
        let inbound = loop.messages()
        loop.send([WireCodec.encode(.ready(Ready(workerID: configuration.workerID, credits: 1)))])
        logger.info("worker.connected", metadata: ["endpoint": "\(configuration.endpoint)"])

        let parent = getppid()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [configuration] in
                // Heartbeats name the lease in progress, which renews it; an idle worker re-offers itself.
                var sequence: UInt64 = 0
                var warnedOfSilence = false
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(configuration.heartbeatInterval))
                    let silence = state.secondsSinceCoordinator()
                    if silence < configuration.silenceWarningSeconds {
                        if warnedOfSilence { logger.notice("worker.coordinator.answering") }
                        warnedOfSilence = false
                    } else if !warnedOfSilence {
                        warnedOfSilence = true
                        logger.warning(
                            "worker.coordinator.silent",
                            metadata: Self.silenceMetadata(configuration, seconds: silence)
                        )
                    }
                    sequence += 1
                    let active = state.activeLease.withLock { $0 }
                    loop.send([
                        WireCodec.encode(
                            .heartbeat(Heartbeat(sequence: sequence, activeLeases: active.map { [$0] } ?? []))
                        )
                    ])
                    if active == nil {
                        loop.send([WireCodec.encode(.ready(Ready(workerID: configuration.workerID, credits: 1)))])
                    }
                    if configuration.coordinatorTimeout > 0,
                        state.secondsSinceCoordinator() > configuration.coordinatorTimeout
                    {
                        throw WorkerExit.coordinatorSilent(configuration.coordinatorTimeout)
                    }
                    if configuration.exitWithParent, getppid() != parent {
                        throw WorkerExit.parentExited
                    }
                }
            }
            group.addTask {
                for await frames in inbound {
                    guard let frame = frames.last else { continue }
                    state.touchCoordinator()
                    let message: WireMessage
                    do {
                        message = try WireCodec.decode(frame, limits: configuration.limits)
                    } catch {
                        logger.warning("worker.frame.rejected", metadata: ["reason": "\(error)"])
                        continue
                    }
                    switch message {
                    case .lease(let lease):
                        guard
                            state.activeLease.withLock({ current in
                                guard current == nil else { return false }
                                current = lease.leaseID
                                return true
                            })
                        else {
                            loop.send([
                                WireCodec.encode(
                                    .failure(
                                        LeaseFailure(
                                            leaseID: lease.leaseID,
                                            isRetryable: true,
                                            message: "worker is busy with another chunk"
                                        )
                                    )
                                )
                            ])
                            continue
                        }
                        // The chunk runs beside this loop, which keeps reading the coordinator's messages.
                        Task {
                            let reply = await handle(lease, logger: logger)
                            state.activeLease.withLock { $0 = nil }
                            loop.send([WireCodec.encode(reply)])
                            loop.send([WireCodec.encode(.ready(Ready(workerID: configuration.workerID, credits: 1)))])
                        }
                    case .shutdown(let reason):
                        logger.info("worker.shutdown", metadata: ["reason": "\(reason)"])
                        return
                    case .reject(let reason):
                        logger.warning("worker.rejected_by_coordinator", metadata: ["reason": "\(reason)"])
                    case .heartbeat, .ready, .result, .failure:
                        continue
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// What the silence warning says: where the worker is knocking, for how long, and what to check.
    static func silenceMetadata(_ configuration: Configuration, seconds: Double) -> Logger.Metadata {
        var hint =
            "still trying; check that a coordinator is running and listening at this endpoint "
            + "and that this host can reach it"
        if configuration.security != nil {
            hint +=
                ", that --curve-server-key is the coordinator's public key, and that this worker's public key is "
                + "in the coordinator's --curve-allow file"
        }
        if configuration.coordinatorTimeout > 0 {
            hint += "; the worker exits after \(Int(configuration.coordinatorTimeout)) s of silence"
        }
        return [
            "endpoint": "\(configuration.endpoint)",
            "silent_seconds": "\(Int(seconds))",
            "hint": "\(hint)",
        ]
    }

    /// Verifies and runs one lease on a dedicated thread; returns the message to send back.
    private func handle(_ lease: Lease, logger: Logger) async -> WireMessage {
        let plan: ChunkPlan
        do {
            plan = try configuration.trustedKeys.verify(
                plan: lease.plan,
                keyID: lease.keyID,
                signature: lease.signature
            )
        } catch {
            logger.error("worker.plan.refused", metadata: ["lease": "\(lease.leaseID)", "reason": "\(error)"])
            return .failure(LeaseFailure(leaseID: lease.leaseID, isRetryable: false, message: "plan refused: \(error)"))
        }
        let processor = self.processor
        let workerID = configuration.workerID
        let limits = configuration.limits
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let started = Date()
                do {
                    let result = try processor.run(plan)
                    let envelope = ChunkResultEnvelope(
                        result: result,
                        timing: ChunkTiming(worker: workerID, seconds: Date().timeIntervalSince(started))
                    )
                    let encoded = try envelope.encoded()
                    guard encoded.count <= limits.maximumResultBytes else {
                        throw WireError(
                            operation: "sending a chunk result",
                            reason: "the result is \(encoded.count) bytes, over the limit"
                        )
                    }
                    continuation.resume(
                        returning: .result(
                            ChunkResultFrame(leaseID: lease.leaseID, compressed: try LZ4Frame.compress(encoded))
                        )
                    )
                } catch {
                    let retryable = (error as? any SourceErrorClassifying)?.isRetryable ?? false
                    continuation.resume(
                        returning: .failure(
                            LeaseFailure(
                                leaseID: lease.leaseID,
                                isRetryable: retryable,
                                message: "chunk \(plan.chunkID): \(error)"
                            )
                        )
                    )
                }
            }
            thread.name = "chunk \(plan.chunkID)"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}

extension SourceError: SourceErrorClassifying {}

/// Errors that know whether a retry may succeed.
public protocol SourceErrorClassifying {
    /// Whether the same work may succeed on another attempt.
    var isRetryable: Bool { get }
}

/// Why a worker stopped on its own.
enum WorkerExit: Error, CustomStringConvertible {
    case coordinatorSilent(Double)
    case parentExited

    var description: String {
        switch self {
        case .coordinatorSilent(let seconds): "the coordinator has not answered for \(Int(seconds)) s"
        case .parentExited: "the process that started this worker has exited"
        }
    }
}

/// What the worker's tasks share.
final class WorkerState: Sendable {
    let activeLease = Mutex<UInt64?>(nil)
    private let lastHeard = Mutex<Date>(Date())

    func touchCoordinator() { lastHeard.withLock { $0 = Date() } }
    func secondsSinceCoordinator() -> Double { lastHeard.withLock { Date().timeIntervalSince($0) } }
}
