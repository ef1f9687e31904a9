/// Progress of a running job, reported after every accepted chunk and every few seconds.
public struct JobProgress: Sendable, Equatable {
    /// Chunks finished (including those finished by an earlier run of the same job).
    public var chunksDone: Int
    /// Chunks in the job.
    public var chunksTotal: Int
    /// Source rows compared so far.
    public var rowsDone: Int
    /// Estimated source rows in the job (from planning statistics).
    public var rowsEstimated: Int
    /// Workers currently known.
    public var workers: Int
    /// Seconds since the run started.
    public var elapsedSeconds: Double
    /// Chunks currently leased to a worker (in flight).
    public var chunksLeased: Int = 0
    /// Leases that expired in this run (a worker stopped heartbeating), handed to another worker.
    public var leaseExpiries: Int = 0
    /// Chunk failures workers reported in this run (each retried while attempts remain).
    public var chunkFailures: Int = 0
    /// The ids the connected workers gave (`--worker-id`), in the order they joined.
    public var workerIDs: [String] = []

    /// Creates a progress report.
    public init(
        chunksDone: Int,
        chunksTotal: Int,
        rowsDone: Int,
        rowsEstimated: Int,
        workers: Int,
        elapsedSeconds: Double
    ) {
        self.chunksDone = chunksDone
        self.chunksTotal = chunksTotal
        self.rowsDone = rowsDone
        self.rowsEstimated = rowsEstimated
        self.workers = workers
        self.elapsedSeconds = elapsedSeconds
    }

    /// Rows per second so far.
    public var rowsPerSecond: Double { elapsedSeconds > 0 ? Double(rowsDone) / elapsedSeconds : 0 }
}
