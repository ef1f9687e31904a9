/// Adapts chunk size to a target chunk time, as pt-table-checksum's `--chunk-time` does: from
/// the rows per second that finished chunks of a table achieved, it decides how many of the
/// table's planned (small) chunks the next leases should cover together.
///
/// Only ever merges consecutive chunks that were never handed out, so every row is still read
/// exactly once and every merged chunk covers one contiguous key range.
public struct ChunkSizer: Sendable, Equatable {
    /// The time one chunk should take, in seconds.
    public var targetSeconds: Double
    /// The most planned chunks one lease may cover.
    public var maximumGroup: Int
    private var rates: [Int: Double] = [:]

    /// Creates a sizer aiming at `targetSeconds` per chunk.
    public init(targetSeconds: Double, maximumGroup: Int = 64) {
        self.targetSeconds = targetSeconds
        self.maximumGroup = maximumGroup
    }

    /// Records that a chunk of table `table` compared `rows` rows in `seconds` seconds.
    public mutating func record(table: Int, rows: Int, seconds: Double) {
        guard rows > 0, seconds > 0 else { return }
        let rate = Double(rows) / seconds
        // A smoothed rate, so one slow or fast chunk does not swing the size.
        rates[table] = rates[table].map { 0.7 * $0 + 0.3 * rate } ?? rate
    }

    /// How many planned chunks of about `plannedRows` rows each one lease of `table` should cover.
    public func groupSize(table: Int, plannedRows: Int) -> Int {
        guard let rate = rates[table], plannedRows > 0 else { return 1 }
        let wanted = rate * targetSeconds / Double(plannedRows)
        return max(1, min(maximumGroup, Int(wanted.rounded(.down))))
    }

    /// Splits `pending` (ids of one table's untouched chunks, ascending) into groups of at most
    /// `size` consecutive ids; only groups of two or more need merging.
    public static func groups(of pending: [Int], size: Int) -> [[Int]] {
        guard size > 1 else { return [] }
        var groups: [[Int]] = []
        var run: [Int] = []
        func flush() {
            var start = 0
            while start < run.count {
                let group = Array(run[start..<min(run.count, start + size)])
                if group.count > 1 { groups.append(group) }
                start += size
            }
            run = []
        }
        for id in pending {
            if let last = run.last, id != last + 1 { flush() }
            run.append(id)
        }
        flush()
        return groups
    }
}
