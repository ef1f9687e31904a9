import RowProofCluster

extension JobService {
    /// The server's metrics in Prometheus text format.
    public func metricsText() -> String {
        let progress = live.snapshot().values
        var page = PrometheusText()
        let counts = stateCounts()
        page.add(
            "rowproof_jobs",
            type: "gauge",
            help: "Jobs known to the server, by state.",
            samples: JobState.allCases.map { ([("state", $0.rawValue)], Double(counts[$0] ?? 0)) }
        )
        page.add(
            "rowproof_jobs_submitted_total",
            type: "counter",
            help: "Jobs submitted since the server started.",
            value: Double(totals.submitted)
        )
        page.add(
            "rowproof_jobs_finished_total",
            type: "counter",
            help: "Jobs that finished since the server started, by final state.",
            samples: [JobState.succeeded, .failed, .cancelled].map {
                ([("state", $0.rawValue)], Double(totals.finished[$0] ?? 0))
            }
        )
        page.add(
            "rowproof_chunks_pending",
            type: "gauge",
            help: "Chunks of running jobs not handed to a worker yet.",
            value: Double(progress.reduce(0) { $0 + max(0, $1.chunksTotal - $1.chunksDone - $1.chunksLeased) })
        )
        page.add(
            "rowproof_chunks_running",
            type: "gauge",
            help: "Chunks of running jobs a worker is reading now.",
            value: Double(progress.reduce(0) { $0 + $1.chunksLeased })
        )
        page.add(
            "rowproof_chunks_done",
            type: "gauge",
            help: "Chunks of running jobs finished.",
            value: Double(progress.reduce(0) { $0 + $1.chunksDone })
        )
        page.add(
            "rowproof_rows_per_second",
            type: "gauge",
            help: "Source rows compared per second, summed over running jobs.",
            value: (progress.reduce(0) { $0 + $1.rowsPerSecond } * 10).rounded() / 10
        )
        page.add(
            "rowproof_workers",
            type: "gauge",
            help: "Workers connected to running jobs.",
            value: Double(progress.reduce(0) { $0 + $1.workers })
        )
        page.add(
            "rowproof_chunk_failures_total",
            type: "counter",
            help: "Chunk failures workers reported (each retried while attempts remain).",
            value: Double(totals.chunkFailures + progress.reduce(0) { $0 + $1.chunkFailures })
        )
        page.add(
            "rowproof_lease_expiries_total",
            type: "counter",
            help: "Chunk leases that expired because a worker went silent.",
            value: Double(totals.leaseExpiries + progress.reduce(0) { $0 + $1.leaseExpiries })
        )
        return page.text
    }
}
