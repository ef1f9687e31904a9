/// Builds a ``ChunkDigest`` from row hashes as they stream by, in key order.
///
/// A value type: copies are independent (the XXH64 state is copied before a shared copy is
/// mutated). Feeding a row costs one streaming XXH64 update of 8 bytes and two additions.
public struct ChunkDigestBuilder: @unchecked Sendable {
    // @unchecked Sendable: `stream` is only mutated when uniquely referenced (copy-on-write in
    // `add`), and reading it (`XXH64_digest` takes a const state) is safe from several threads.
    private var stream: XXH64Stream
    /// Rows added so far.
    public private(set) var count = 0
    private var sum: UInt64 = 0
    private var mix: UInt64 = 0

    /// Starts an empty digest.
    public init() {
        stream = XXH64Stream(seed: XXH64.rowSeed)
    }

    /// Adds the next row's hash.
    public mutating func add(rowHash: UInt64) {
        if !isKnownUniquelyReferenced(&stream) { stream = XXH64Stream(copying: stream) }
        stream.update(bigEndian: rowHash)
        count += 1
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
