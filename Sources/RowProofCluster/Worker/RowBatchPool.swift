import Foundation
import RowProofCore

/// Read ``RowBatch``es kept for reuse across the pipes of one process, so a worker reading chunk
/// after chunk stops allocating (and growing, and page-faulting) batch storage after the first.
///
/// Bounded in count and in bytes: batches past either bound are freed, so a table of very wide
/// rows does not leave a large pool behind.
final class RowBatchPool: @unchecked Sendable {
    /// The process's pool.
    static let shared = RowBatchPool(maximumCount: 16, maximumBytes: 64 << 20)

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var batches: [RowBatch] = []
    /// Guarded by `lock`: the storage bytes of `batches`.
    private var bytes = 0
    private let maximumCount: Int
    private let maximumBytes: Int

    init(maximumCount: Int, maximumBytes: Int) {
        self.maximumCount = maximumCount
        self.maximumBytes = maximumBytes
    }

    /// An empty batch: a pooled one when there is one, else a new one.
    func take() -> RowBatch {
        lock.lock()
        defer { lock.unlock() }
        guard let batch = batches.popLast() else { return RowBatch() }
        bytes -= batch.storageBytes
        return batch
    }

    /// Keeps `batch` (emptied) for reuse when the pool has room, and leaves `batch` empty.
    func give(_ batch: inout RowBatch) {
        var kept = RowBatch()
        swap(&kept, &batch)
        kept.removeAll()
        guard kept.hasStorage else { return }
        let size = kept.storageBytes
        lock.lock()
        defer { lock.unlock() }
        guard batches.count < maximumCount, bytes + size <= maximumBytes else { return }
        bytes += size
        batches.append(kept)
    }
}
