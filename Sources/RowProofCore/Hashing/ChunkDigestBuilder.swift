/// Builds a ``ChunkDigest`` from row hashes as they stream by, in key order.
///
/// A plain value: feeding a row costs one XXH64 word (``XXH64WordStream``, a stripe round every
/// fourth row) and two additions.
public struct ChunkDigestBuilder: Sendable {
    @usableFromInline var stream = XXH64WordStream(seed: XXH64.rowSeed)
    /// Rows added so far.
    public var count: Int { rows }
    @usableFromInline var rows = 0
    @usableFromInline var sum: UInt64 = 0
    @usableFromInline var mix: UInt64 = 0

    /// Starts an empty digest.
    public init() {}

    /// Adds the next row's hash (inlinable: it runs once per row and side, in other modules).
    @inlinable
    public mutating func add(rowHash: UInt64) {
        stream.update(bigEndian: rowHash)
        rows += 1
        sum &+= rowHash
        mix &+= ChunkDigest.fmix64(rowHash)
    }

    /// Adds the next row's hash.
    public mutating func add(_ rowHash: UInt64) {
        add(rowHash: rowHash)
    }

    /// The digest of the rows added so far; the builder can keep going.
    public func finalize() -> ChunkDigest {
        ChunkDigest(count: count, ordered: stream.digest(), multisetSum: sum, multisetMix: mix)
    }

    /// The digest of the rows added so far (same as ``finalize()``).
    public func finish() -> ChunkDigest {
        finalize()
    }
}
