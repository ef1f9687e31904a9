import RowProofCore

/// Passes rows through while folding them into the side's column aggregates and sample digest;
/// with `onlySampled`, passes on only the rows the deterministic sample selects.
struct TappedRowStream<Base: RowStream>: RowStream {
    var base: Base
    let sampler: Sampler
    let onlySampled: Bool
    let aggregates: Bool
    var aggregate: TableAggregate
    var sample = ChunkDigestBuilder()

    init(base: Base, sampler: Sampler, onlySampled: Bool, aggregates: Bool, columnNames: [String]) {
        self.base = base
        self.sampler = sampler
        self.onlySampled = onlySampled
        self.aggregates = aggregates
        self.aggregate = TableAggregate(columnNames: columnNames)
    }

    mutating func next() throws -> CanonicalRow? {
        while let row = try base.next() {
            if aggregates { try aggregate.add(row) }
            let selected = sampler.isSelected(key: row.key)
            if selected { sample.add(rowHash: row.hash) }
            if !onlySampled || selected { return row }
        }
        return nil
    }
}
