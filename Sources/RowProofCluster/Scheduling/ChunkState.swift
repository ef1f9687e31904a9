/// Where one chunk of a job stands.
public enum ChunkState: Sendable, Equatable {
    /// Waiting for a worker; `attempts` hand-outs have already failed or expired.
    case pending(attempts: Int, lastError: String?)
    /// Handed to `worker` under `leaseID` until `deadline` (seconds on the scheduler's clock).
    case leased(leaseID: UInt64, worker: String, attempt: Int, deadline: Double)
    /// Its result is stored.
    case done
    /// It failed `attempts` times; the job cannot complete.
    case failed(attempts: Int, lastError: String)
}
