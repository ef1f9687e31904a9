/// What the coordinator must do after feeding an event to the ``LeaseScheduler``.
public enum SchedulerAction: Sendable, Equatable {
    /// Send chunk `chunkID` to `worker` under a new lease.
    case sendLease(worker: String, chunkID: Int, leaseID: UInt64, attempt: Int)
    /// Store the result that arrived for `chunkID` (the lease was current).
    case acceptResult(chunkID: Int, leaseID: UInt64)
    /// Drop a result or failure that arrived for a lease that is no longer current (duplicate, late, expired).
    case ignoreStale(leaseID: UInt64, reason: String)
    /// A lease expired without a result; the chunk goes back to the queue (or fails, see `.failJob`).
    case leaseExpired(chunkID: Int, leaseID: UInt64, worker: String)
    /// A worker stopped sending heartbeats and is forgotten.
    case workerLost(worker: String)
    /// Every chunk is done.
    case jobComplete
    /// A chunk ran out of attempts: the job fails with this chunk and its last error.
    case failJob(chunkID: Int, attempts: Int, lastError: String)
}
