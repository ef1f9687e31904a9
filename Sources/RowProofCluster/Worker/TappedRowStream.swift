import RowProofCore

/// Passes rows through while folding them into the side's column aggregates and sample digest;
/// with `onlySampled`, passes on only the rows the deterministic sample selects.
///
/// Concrete over ``PipedRowStream`` (not generic over its base) so the worker's per-row path is
/// compiled for exactly the types it runs.
struct TappedRowStream: RowStream {
    var base: PipedRowStream
    let sampler: SampleMemo
    let onlySampled: Bool
    let aggregates: Bool
    var aggregate: TableAggregate
    var sample = ChunkDigestBuilder()

    init(base: PipedRowStream, sampler: SampleMemo, onlySampled: Bool, aggregates: Bool, columnNames: [String]) {
        self.base = base
        self.sampler = sampler
        self.onlySampled = onlySampled
        self.aggregates = aggregates
        self.aggregate = TableAggregate(columnNames: columnNames)
    }

    mutating func next() throws -> CanonicalRow? {
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        return try next(into: &row) ? row : nil
    }

    mutating func next(into row: inout CanonicalRow) throws -> Bool {
        while try base.next(into: &row) {
            if aggregates { try aggregate.add(row) }
            let selected = sampler.isSelected(key: row.key)
            if selected { sample.add(rowHash: row.hash) }
            if !onlySampled || selected { return true }
        }
        return false
    }
}
