/// Hands chunks to workers under expiring leases: the coordinator's decision logic, with no I/O.
///
/// Every input is an event (a worker's message or a clock tick); every output is a list of
/// ``SchedulerAction``s for the coordinator to carry out. Time is passed in, so tests drive it.
///
/// - Flow control is credit-based: a worker's `ready(credits: n)` says it has `n` free slots now
///   (absolute, so a repeated or re-sent `ready` never over-grants); each lease sent spends one.
/// - A lease not renewed by a heartbeat within `leaseSeconds`, or whose worker went silent for
///   `workerTimeout`, expires and its chunk is handed out again, up to `maximumAttempts` in all.
/// - A result counts only for the current lease of a chunk that is not done: duplicates and late
///   results of expired leases are ignored.
public struct LeaseScheduler: Sendable {
    /// Tunables.
    public struct Configuration: Sendable, Equatable {
        /// How long a lease lasts without a heartbeat renewing it.
        public var leaseSeconds: Double
        /// How long a worker may stay silent before it is considered gone.
        public var workerTimeout: Double
        /// How many hand-outs a chunk gets before the job fails.
        public var maximumAttempts: Int

        /// Creates a configuration.
        public init(leaseSeconds: Double = 30, workerTimeout: Double = 10, maximumAttempts: Int = 3) {
            self.leaseSeconds = leaseSeconds
            self.workerTimeout = workerTimeout
            self.maximumAttempts = maximumAttempts
        }
    }

    struct WorkerState: Sendable {
        var credits: Int
        var lastSeen: Double
    }

    /// The tunables in force.
    public let configuration: Configuration
    /// Every chunk's state, by chunk id.
    public private(set) var chunks: [Int: ChunkState]
    private var workers: [String: WorkerState] = [:]
    private var workerOrder: [String] = []
    private var nextLeaseID: UInt64
    private var finished = false
    /// While paused (the source is under load), no new lease is handed out; running ones continue.
    public var isPaused = false

    /// Creates a scheduler for `chunkIDs`, of which `doneChunkIDs` are already finished (a resumed job).
    ///
    /// - Parameter leaseIDBase: the first lease id; a restarted coordinator uses a new base so that
    ///   results of its predecessor's leases can never be mistaken for its own.
    public init(
        chunkIDs: [Int],
        doneChunkIDs: Set<Int> = [],
        configuration: Configuration = .init(),
        leaseIDBase: UInt64 = 1
    ) {
        self.configuration = configuration
        self.nextLeaseID = leaseIDBase
        var chunks: [Int: ChunkState] = [:]
        for id in chunkIDs { chunks[id] = doneChunkIDs.contains(id) ? .done : .pending(attempts: 0, lastError: nil) }
        self.chunks = chunks
    }

    /// Number of chunks in each state: pending, leased, done, failed.
    public var counts: (pending: Int, leased: Int, done: Int, failed: Int) {
        var result = (pending: 0, leased: 0, done: 0, failed: 0)
        for state in chunks.values {
            switch state {
            case .pending: result.pending += 1
            case .leased: result.leased += 1
            case .done: result.done += 1
            case .failed: result.failed += 1
            }
        }
        return result
    }

    /// The workers currently known, in the order they appeared.
    public var knownWorkers: [String] { workerOrder }

    /// A worker has `credits` free slots, as it counted them when it sent the message.
    ///
    /// Leases handed to the worker and not yet answered fill some of those slots: a ready sent
    /// (on a heartbeat) before a lease reached the worker must not win it a second chunk, which
    /// it would refuse as busy.
    public mutating func workerReady(_ worker: String, credits: Int, now: Double) -> [SchedulerAction] {
        if workers[worker] == nil { workerOrder.append(worker) }
        let unanswered = chunks.values.reduce(0) { count, state in
            if case .leased(_, let holder, _, _) = state, holder == worker { count + 1 } else { count }
        }
        workers[worker] = WorkerState(credits: max(0, credits - unanswered), lastSeen: now)
        return assign(now: now) + completion()
    }

    /// A worker is alive and still working on `activeLeases`, which are renewed.
    public mutating func heartbeat(from worker: String, activeLeases: [UInt64], now: Double) -> [SchedulerAction] {
        if workers[worker] == nil {  // e.g. after a coordinator restart: known, but no credits until it sends ready
            workers[worker] = WorkerState(credits: 0, lastSeen: now)
            workerOrder.append(worker)
        }
        workers[worker]?.lastSeen = now
        let renewed = Set(activeLeases)
        for (id, state) in chunks {
            if case .leased(let leaseID, let owner, let attempt, _) = state, owner == worker, renewed.contains(leaseID)
            {
                chunks[id] = .leased(
                    leaseID: leaseID,
                    worker: owner,
                    attempt: attempt,
                    deadline: now + configuration.leaseSeconds
                )
            }
        }
        return []
    }

    /// A result arrived for `leaseID` from `worker`; only the lease's holder can complete it.
    public mutating func resultReceived(leaseID: UInt64, from worker: String, now: Double) -> [SchedulerAction] {
        guard let (chunkID, _) = currentLease(leaseID, heldBy: worker) else {
            return [
                .ignoreStale(
                    leaseID: leaseID,
                    reason: "no chunk is currently leased under \(leaseID) (duplicate, late or expired result)"
                )
            ]
        }
        chunks[chunkID] = .done
        return [.acceptResult(chunkID: chunkID, leaseID: leaseID)] + assign(now: now) + completion()
    }

    /// `worker` reported that its lease `leaseID` failed: retried while attempts remain if
    /// `isRetryable`, otherwise the job fails at once. Reports from anyone but the holder are ignored.
    public mutating func failureReported(
        leaseID: UInt64,
        from worker: String,
        isRetryable: Bool,
        message: String,
        now: Double
    ) -> [SchedulerAction] {
        guard let (chunkID, attempt) = currentLease(leaseID, heldBy: worker) else {
            return [.ignoreStale(leaseID: leaseID, reason: "failure for lease \(leaseID), which is no longer current")]
        }
        return retryOrFail(chunkID: chunkID, attempt: attempt, error: message, allowRetry: isRetryable)
            + assign(now: now) + completion()
    }

    /// A result arrived but could not be used (corrupt, unverifiable): treated as a retryable failure.
    public mutating func resultRejected(
        leaseID: UInt64,
        from worker: String,
        reason: String,
        now: Double
    ) -> [SchedulerAction] {
        failureReported(leaseID: leaseID, from: worker, isRetryable: true, message: reason, now: now)
    }

    /// Merges pending chunks that were never handed out into `target`, which must be pending too:
    /// the absorbed chunks leave the job (their key ranges now belong to `target`).
    ///
    /// - Returns: `false`, changing nothing, when any of them is not pending or was already attempted.
    public mutating func merge(_ absorbed: [Int], into target: Int) -> Bool {
        for id in [target] + absorbed {
            guard case .pending(0, _)? = chunks[id] else { return false }
        }
        for id in absorbed { chunks[id] = nil }
        return true
    }

    /// The chunks not yet handed out that were never attempted, in id order.
    public var untouchedChunkIDs: [Int] {
        chunks.compactMap { id, state in if case .pending(0, _) = state { id } else { nil } }.sorted()
    }

    /// Advances the clock: expires overdue leases and silent workers, then hands out work.
    public mutating func tick(now: Double) -> [SchedulerAction] {
        var actions: [SchedulerAction] = []
        for worker in workerOrder where now - (workers[worker]?.lastSeen ?? now) > configuration.workerTimeout {
            workers[worker] = nil
            workerOrder.removeAll { $0 == worker }
            actions.append(.workerLost(worker: worker))
        }
        for id in chunks.keys.sorted() {
            guard case .leased(let leaseID, let worker, let attempt, let deadline) = chunks[id] else { continue }
            if deadline < now || workers[worker] == nil {
                actions.append(.leaseExpired(chunkID: id, leaseID: leaseID, worker: worker))
                let reason =
                    workers[worker] == nil
                    ? "worker \(worker) stopped answering (lease \(leaseID))"
                    : "lease \(leaseID) on worker \(worker) expired after \(configuration.leaseSeconds) s without a heartbeat"
                actions += retryOrFail(chunkID: id, attempt: attempt, error: reason, allowRetry: true)
            }
        }
        return actions + assign(now: now) + completion()
    }

    private func currentLease(_ leaseID: UInt64, heldBy worker: String) -> (chunkID: Int, attempt: Int)? {
        for (id, state) in chunks {
            if case .leased(let current, let holder, let attempt, _) = state, current == leaseID, holder == worker {
                return (id, attempt)
            }
        }
        return nil
    }

    private mutating func retryOrFail(chunkID: Int, attempt: Int, error: String, allowRetry: Bool) -> [SchedulerAction]
    {
        if allowRetry && attempt < configuration.maximumAttempts {
            chunks[chunkID] = .pending(attempts: attempt, lastError: error)
            return []
        }
        chunks[chunkID] = .failed(attempts: attempt, lastError: error)
        return []
    }

    private mutating func assign(now: Double) -> [SchedulerAction] {
        guard !finished, !isPaused else { return [] }
        if chunks.values.contains(where: { if case .failed = $0 { true } else { false } }) { return [] }
        var actions: [SchedulerAction] = []
        let pending = chunks.compactMap { id, state -> (Int, Int)? in
            if case .pending(let attempts, _) = state { (id, attempts) } else { nil }
        }.sorted { $0.0 < $1.0 }
        var queue = pending[...]
        // Round-robin over workers with credits, so a fleet shares the work.
        var progress = true
        while !queue.isEmpty && progress {
            progress = false
            for worker in workerOrder where !queue.isEmpty {
                guard let state = workers[worker], state.credits > 0 else { continue }
                let (chunkID, attempts) = queue.removeFirst()
                let leaseID = nextLeaseID
                nextLeaseID &+= 1
                chunks[chunkID] = .leased(
                    leaseID: leaseID,
                    worker: worker,
                    attempt: attempts + 1,
                    deadline: now + configuration.leaseSeconds
                )
                workers[worker]?.credits -= 1
                actions.append(.sendLease(worker: worker, chunkID: chunkID, leaseID: leaseID, attempt: attempts + 1))
                progress = true
            }
        }
        return actions
    }

    private mutating func completion() -> [SchedulerAction] {
        guard !finished else { return [] }
        for id in chunks.keys.sorted() {
            if case .failed(let attempts, let lastError) = chunks[id] {
                finished = true
                return [.failJob(chunkID: id, attempts: attempts, lastError: lastError)]
            }
        }
        if chunks.values.allSatisfy({ $0 == .done }) {
            finished = true
            return [.jobComplete]
        }
        return []
    }
}
