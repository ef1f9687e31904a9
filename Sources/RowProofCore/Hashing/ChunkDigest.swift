/// The digest of a chunk's row hashes (spec `chunk_digest`).
///
/// ``count``, ``multisetSum`` and ``multisetMix`` do not depend on row order and add up across
/// chunks (see ``MultisetDigest``); ``ordered`` depends on the order and is compared chunk by chunk.
public struct ChunkDigest: Codable, Sendable, Hashable {
    /// The number of rows.
    public var count: Int
    /// XXH64 (row-hash seed) over every row hash as 8 big-endian bytes, in key order.
    public var ordered: UInt64
    /// The sum of the row hashes modulo 2^64.
    public var multisetSum: UInt64
    /// The sum of `fmix64(rowHash)` modulo 2^64.
    public var multisetMix: UInt64

    /// Creates a digest from its parts.
    public init(count: Int, ordered: UInt64, multisetSum: UInt64, multisetMix: UInt64) {
        self.count = count
        self.ordered = ordered
        self.multisetSum = multisetSum
        self.multisetMix = multisetMix
    }

    /// The digest of a chunk with no rows.
    public static let empty = ChunkDigestBuilder().finalize()

    /// The order-independent part of this digest.
    public var multiset: MultisetDigest {
        MultisetDigest(count: count, multisetSum: multisetSum, multisetMix: multisetMix)
    }

    /// The order-independent digest of this chunk and `other` together (a table's digest is
    /// the combination of its chunks').
    public func multisetCombined(with other: ChunkDigest) -> MultisetDigest {
        multiset.combined(with: other.multiset)
    }

    /// The digest of `rowHashes` in the given order.
    public static func of(rowHashes: some Sequence<UInt64>) -> ChunkDigest {
        var builder = ChunkDigestBuilder()
        for hash in rowHashes { builder.add(rowHash: hash) }
        return builder.finalize()
    }

    /// MurmurHash3's 64-bit finalizer, as the spec defines `multiset_mix`.
    @inlinable
    public static func fmix64(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// The order-independent digest of a multiset of row hashes: a table's digest, whatever its chunking.
public struct MultisetDigest: Codable, Sendable, Hashable {
    /// The number of rows.
    public var count: Int
    /// The sum of the row hashes modulo 2^64.
    public var multisetSum: UInt64
    /// The sum of `fmix64(rowHash)` modulo 2^64.
    public var multisetMix: UInt64

    /// Creates a digest from its parts.
    public init(count: Int, multisetSum: UInt64, multisetMix: UInt64) {
        self.count = count
        self.multisetSum = multisetSum
        self.multisetMix = multisetMix
    }

    /// The digest of no rows.
    public static let empty = MultisetDigest(count: 0, multisetSum: 0, multisetMix: 0)

    /// The digest of both multisets together.
    public func combined(with other: MultisetDigest) -> MultisetDigest {
        MultisetDigest(
            count: count + other.count,
            multisetSum: multisetSum &+ other.multisetSum,
            multisetMix: multisetMix &+ other.multisetMix
        )
    }
}
