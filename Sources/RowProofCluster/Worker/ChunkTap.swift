import Foundation
import RowProofCore

/// The per-row work both sides of one chunk share: the deterministic sample's decision and the
/// column aggregates, with each matching pair of rows costing one of each.
///
/// The merge-join reads a key from the source and then, when the target holds it too, from the
/// target. So the last source row is held with its sample decision until the next target row
/// arrives:
/// - a target row with the same key reuses the decision (it is a function of the key alone);
/// - one that also has the same bytes goes, with the held row, into an aggregate both sides
///   share; otherwise the held row goes into the source's own aggregate when the next source row
///   comes.
/// Identical rows contribute identically, and aggregates merge exactly (float sums up to their
/// last bits, as across chunks), so each side's result is the aggregate of its own rows, for about
/// half the work when most rows match.
///
/// Not `Sendable`: both sides of one chunk are tapped on the comparing thread.
final class ChunkTap {
    private let sampler: Sampler
    /// Whether rows are folded into aggregates (not when the strategy compares keys only).
    private let aggregates: Bool
    /// Whether the sides interleave (a merge-join); without, every row goes to its own side.
    private let pairsRows: Bool
    // Touched on every row by the one comparing thread, with no overlapping access: no dynamic
    // exclusivity checks.
    @exclusivity(unchecked) private var source: TableAggregate
    @exclusivity(unchecked) private var target: TableAggregate
    @exclusivity(unchecked) private var shared: TableAggregate
    @exclusivity(unchecked) private var held = CanonicalRow(key: [], bytes: [], hash: 0)
    @exclusivity(unchecked) private var heldIsSelected = false
    @exclusivity(unchecked) private var isHolding = false

    init(sampler: Sampler, columnNames: [String], aggregates: Bool, pairsRows: Bool) {
        self.sampler = sampler
        self.aggregates = aggregates
        self.pairsRows = pairsRows
        source = TableAggregate(columnNames: columnNames)
        target = source
        shared = source
    }

    /// Folds in a source row; returns whether the sample selects it.
    func tapSource(_ row: CanonicalRow) throws -> Bool {
        let selected = sampler.isSelected(key: row.key)
        guard pairsRows else {
            if aggregates { try source.add(row) }
            return selected
        }
        if isHolding && aggregates { try source.add(held) }
        // Held by reference, not copied: the merge-join's cursor refills its other row next, so
        // this row's storage is not written to while it is held (and would be copied if it were).
        held = row
        if !aggregates { held.bytes = [] }  // the bytes are only needed to pair aggregates
        heldIsSelected = selected
        isHolding = true
        return selected
    }

    /// Folds in a target row; returns whether the sample selects it.
    func tapTarget(_ row: CanonicalRow) throws -> Bool {
        guard isHolding && Self.same(held.key, row.key) else {
            if aggregates { try target.add(row) }
            return sampler.isSelected(key: row.key)
        }
        if aggregates {
            if held.hash == row.hash && Self.same(held.bytes, row.bytes) {
                isHolding = false
                try shared.add(row)
            } else {
                try target.add(row)
            }
        }
        return heldIsSelected
    }

    /// Each side's aggregate, once every row of the chunk was tapped.
    func finishAggregates() throws -> (source: TableAggregate, target: TableAggregate) {
        if isHolding && aggregates {
            try source.add(held)
            isHolding = false
        }
        var sourceTotal = source
        var targetTotal = target
        try sourceTotal.merge(shared)
        try targetTotal.merge(shared)
        return (sourceTotal, targetTotal)
    }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
