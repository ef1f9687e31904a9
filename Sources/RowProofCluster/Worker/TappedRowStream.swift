import RowProofCore

/// Passes rows through while folding them into the chunk's column aggregates (on this side) and
/// the side's sample digest; with `onlySampled`, passes on only the rows the deterministic sample
/// selects.
///
/// Concrete over ``PipedRowStream`` (not generic over its base) so the worker's per-row path is
/// compiled for exactly the types it runs.
struct TappedRowStream: RowStream {
    var base: PipedRowStream
    let sampler: SampleMemo
    let onlySampled: Bool
    /// The chunk's aggregates, or `nil` when the strategy compares keys only.
    let aggregates: ChunkAggregates?
    let isSource: Bool
    var sample = ChunkDigestBuilder()

    init(base: PipedRowStream, sampler: SampleMemo, onlySampled: Bool, aggregates: ChunkAggregates?, isSource: Bool) {
        self.base = base
        self.sampler = sampler
        self.onlySampled = onlySampled
        self.aggregates = aggregates
        self.isSource = isSource
    }

    mutating func next() throws -> CanonicalRow? {
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        return try next(into: &row) ? row : nil
    }

    mutating func next(into row: inout CanonicalRow) throws -> Bool {
        while try base.next(into: &row) {
            if let aggregates {
                if isSource { try aggregates.addSource(row) } else { try aggregates.addTarget(row) }
            }
            let selected = sampler.isSelected(key: row.key)
            if selected { sample.add(rowHash: row.hash) }
            if !onlySampled || selected { return true }
        }
        return false
    }
}
