public import RowProofCluster

/// A job's progress as the API shows it.
public struct JobProgressSummary: Sendable, Codable, Equatable {
    /// Chunks in the job (0 until it is planned).
    public var chunksTotal: Int
    /// Chunks not handed out yet.
    public var chunksPending: Int
    /// Chunks a worker is reading now.
    public var chunksRunning: Int
    /// Chunks finished.
    public var chunksDone: Int
    /// Source rows compared so far.
    public var rowsDone: Int
    /// Estimated source rows in the job.
    public var rowsEstimated: Int
    /// Rows per second so far.
    public var rowsPerSecond: Double
    /// Estimated seconds to the end; `nil` when unknown.
    public var etaSeconds: Double?
    /// Workers connected to the job.
    public var workers: Int

    /// Creates a summary.
    public init(
        chunksTotal: Int = 0,
        chunksPending: Int = 0,
        chunksRunning: Int = 0,
        chunksDone: Int = 0,
        rowsDone: Int = 0,
        rowsEstimated: Int = 0,
        rowsPerSecond: Double = 0,
        etaSeconds: Double? = nil,
        workers: Int = 0
    ) {
        self.chunksTotal = chunksTotal
        self.chunksPending = chunksPending
        self.chunksRunning = chunksRunning
        self.chunksDone = chunksDone
        self.rowsDone = rowsDone
        self.rowsEstimated = rowsEstimated
        self.rowsPerSecond = rowsPerSecond
        self.etaSeconds = etaSeconds
        self.workers = workers
    }

    /// The summary of a coordinator's progress report.
    public init(_ progress: JobProgress) {
        let rate = progress.rowsPerSecond
        let total = max(progress.rowsEstimated, progress.rowsDone)
        self.init(
            chunksTotal: progress.chunksTotal,
            chunksPending: max(0, progress.chunksTotal - progress.chunksDone - progress.chunksLeased),
            chunksRunning: progress.chunksLeased,
            chunksDone: progress.chunksDone,
            rowsDone: progress.rowsDone,
            rowsEstimated: progress.rowsEstimated,
            rowsPerSecond: (rate * 10).rounded() / 10,
            etaSeconds: rate > 0 ? (Double(total - progress.rowsDone) / rate).rounded() : nil,
            workers: progress.workers
        )
    }

    enum CodingKeys: String, CodingKey {
        case chunksTotal = "chunks_total", chunksPending = "chunks_pending", chunksRunning = "chunks_running"
        case chunksDone = "chunks_done", rowsDone = "rows_done", rowsEstimated = "rows_estimated"
        case rowsPerSecond = "rows_per_second", etaSeconds = "eta_seconds", workers
    }
}
