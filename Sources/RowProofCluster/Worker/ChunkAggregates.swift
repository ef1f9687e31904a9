import Foundation
import RowProofCore

/// Both sides' column aggregates of one chunk, with each matching pair of rows folded in once.
///
/// The merge-join reads a key from the source and then, when the target holds it too, from the
/// target. So a source row is held back (copied) until the next target row arrives: when that
/// row has the same key and the same bytes, the pair goes into an aggregate both sides share;
/// otherwise the held row goes into the source's own aggregate when the next source row comes.
/// Identical rows contribute identically, and aggregates merge exactly (float sums up to their
/// last bits, as across chunks), so each side's result is the aggregate of its own rows, for
/// about half the work when most rows match.
///
/// Not `Sendable`: both sides of one chunk are tapped on the comparing thread.
final class ChunkAggregates {
    private var source: TableAggregate
    private var target: TableAggregate
    private var shared: TableAggregate
    /// Whether to pair rows (the merge-join interleaves the sides); off, every row goes to its side.
    private let pairsRows: Bool
    private var held = CanonicalRow(key: [], bytes: [], hash: 0)
    private var isHolding = false

    init(columnNames: [String], pairsRows: Bool) {
        source = TableAggregate(columnNames: columnNames)
        target = source
        shared = source
        self.pairsRows = pairsRows
    }

    /// Adds a source row.
    func addSource(_ row: CanonicalRow) throws {
        guard pairsRows else { return try source.add(row) }
        if isHolding { try source.add(held) }
        row.key.withUnsafeBytes { key in
            row.bytes.withUnsafeBytes { bytes in held.overwrite(key: key, bytes: bytes, hash: row.hash) }
        }
        isHolding = true
    }

    /// Adds a target row.
    func addTarget(_ row: CanonicalRow) throws {
        if isHolding && held.hash == row.hash && Self.same(held.key, row.key) && Self.same(held.bytes, row.bytes) {
            isHolding = false
            return try shared.add(row)
        }
        try target.add(row)
    }

    /// Each side's aggregate, once every row of the chunk was added.
    func finish() throws -> (source: TableAggregate, target: TableAggregate) {
        if isHolding {
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
