import RowProofCore

/// Passes rows through while folding them into the chunk's sample decision and column
/// aggregates (``ChunkTap``) and the side's sample digest; with `onlySampled`, passes on only the
/// rows the deterministic sample selects.
///
/// Generic over its base, and specialized for the worker's two readers (``PipedRowStream``,
/// ``PostgresRowPair/Side``), so the per-row path has no existential call.
struct TappedRowStream<Base: RowStream>: RowStream {
    var base: Base
    let tap: ChunkTap
    let isSource: Bool
    let onlySampled: Bool
    var sample = ChunkDigestBuilder()

    init(base: Base, tap: ChunkTap, isSource: Bool, onlySampled: Bool) {
        self.base = base
        self.tap = tap
        self.isSource = isSource
        self.onlySampled = onlySampled
    }

    mutating func next() throws -> CanonicalRow? {
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        return try next(into: &row) ? row : nil
    }

    mutating func next(into row: inout CanonicalRow) throws -> Bool {
        while try base.next(into: &row) {
            let selected = isSource ? try tap.tapSource(row) : try tap.tapTarget(row)
            if selected { sample.add(rowHash: row.hash) }
            if !onlySampled || selected { return true }
        }
        return false
    }
}
