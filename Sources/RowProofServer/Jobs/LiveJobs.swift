import RowProofCluster
import Synchronization

/// The latest progress of each running job, written from the coordinators' progress callbacks
/// (any thread) and read by the API and the metrics.
final class LiveJobs: Sendable {
    private let progress = Mutex<[String: JobProgress]>([:])

    func update(_ id: String, _ value: JobProgress) {
        progress.withLock { $0[id] = value }
    }

    func remove(_ id: String) -> JobProgress? {
        progress.withLock { $0.removeValue(forKey: id) }
    }

    func snapshot() -> [String: JobProgress] {
        progress.withLock { $0 }
    }

    func progress(of id: String) -> JobProgress? {
        progress.withLock { $0[id] }
    }
}
