/// Compares two tables without a key as multisets of row hashes.
///
/// The digests (count, sum and mix of the row hashes, spec `chunk_digest`) decide equality for
/// inputs of any size in O(1) memory. For small inputs the comparison also names which row
/// hashes differ, by sorting both sides' hashes: a row hash in the source more often than in
/// the target is listed as source-only, once per surplus copy, and vice versa.
public struct MultisetComparison: Sendable, Hashable {
    /// The source's order-independent digest.
    public var source: MultisetDigest
    /// The target's order-independent digest.
    public var target: MultisetDigest
    /// Row hashes the source holds more often than the target, ascending, one entry per surplus
    /// copy; `nil` when the inputs were too large to list.
    public var sourceOnlyHashes: [UInt64]?
    /// Row hashes the target holds more often than the source, ascending; `nil` when too large.
    public var targetOnlyHashes: [UInt64]?

    /// Creates a comparison from its parts.
    public init(
        source: MultisetDigest,
        target: MultisetDigest,
        sourceOnlyHashes: [UInt64]?,
        targetOnlyHashes: [UInt64]?
    ) {
        self.source = source
        self.target = target
        self.sourceOnlyHashes = sourceOnlyHashes
        self.targetOnlyHashes = targetOnlyHashes
    }

    /// Whether count, multiset sum and multiset mix all agree.
    public var digestsMatch: Bool { source == target }

    /// Compares two digests alone (no hashes are listed).
    public static func compare(source: MultisetDigest, target: MultisetDigest) -> MultisetComparison {
        MultisetComparison(source: source, target: target, sourceOnlyHashes: nil, targetOnlyHashes: nil)
    }

    /// Compares two lists of row hashes in any order, listing the hashes that differ.
    public static func compare(sourceHashes: [UInt64], targetHashes: [UInt64]) -> MultisetComparison {
        let sourceSorted = sourceHashes.sorted()
        let targetSorted = targetHashes.sorted()
        var sourceOnly: [UInt64] = []
        var targetOnly: [UInt64] = []
        var i = 0
        var j = 0
        while i < sourceSorted.count || j < targetSorted.count {
            if j == targetSorted.count || (i < sourceSorted.count && sourceSorted[i] < targetSorted[j]) {
                sourceOnly.append(sourceSorted[i])
                i += 1
            } else if i == sourceSorted.count || targetSorted[j] < sourceSorted[i] {
                targetOnly.append(targetSorted[j])
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return MultisetComparison(
            source: ChunkDigest.of(rowHashes: sourceHashes).multiset,
            target: ChunkDigest.of(rowHashes: targetHashes).multiset,
            sourceOnlyHashes: sourceOnly,
            targetOnlyHashes: targetOnly
        )
    }

    /// Reads both streams (in any order; keys are ignored) and compares them as multisets.
    ///
    /// - Parameter listLimit: Up to this many rows per side, the row hashes are kept and the
    ///   differing ones listed; beyond it only the digests are compared, in O(1) memory.
    /// - Throws: Whatever a stream throws.
    public static func compare<Source: RowStream, Target: RowStream>(
        source: inout Source,
        target: inout Target,
        listLimit: Int = 100_000
    ) throws -> MultisetComparison {
        let (sourceDigest, sourceHashes) = try read(&source, listLimit: listLimit)
        let (targetDigest, targetHashes) = try read(&target, listLimit: listLimit)
        guard let sourceHashes, let targetHashes else {
            return compare(source: sourceDigest, target: targetDigest)
        }
        return compare(sourceHashes: sourceHashes, targetHashes: targetHashes)
    }

    private static func read<Stream: RowStream>(
        _ stream: inout Stream,
        listLimit: Int
    ) throws -> (MultisetDigest, [UInt64]?) {
        var builder = ChunkDigestBuilder()
        var hashes: [UInt64]? = []
        while let row = try stream.next() {
            builder.add(rowHash: row.hash)
            if hashes != nil {
                if builder.count > listLimit { hashes = nil } else { hashes!.append(row.hash) }
            }
        }
        return (builder.finalize().multiset, hashes)
    }
}
