internal import CXXHash

/// XXH64, the row hash of the hashing spec.
///
/// One-shot hashing runs in Swift (``hash(_:seed:)-(UnsafeRawBufferPointer,_)``, inlined into the
/// per-row loop); the streaming state behind chunk digests uses libxxhash. The two are checked
/// against each other over every length from 0 to 300 bytes in the test suite.
public enum XXH64 {
    /// The spec's seed: the ASCII bytes of "RowProof" read big-endian (`specs/hashing_spec.json`, `row_hash.seed`).
    public static let rowSeed: UInt64 = 0x526F_7750_726F_6F66

    /// Returns XXH64 of `bytes` with `seed`.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = rowSeed) -> UInt64 {
        referenceHash(bytes, seed: seed)
    }

    /// Returns XXH64 of `bytes` with `seed`.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = rowSeed) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// XXH64 of `bytes` with `seed` computed by libxxhash, the reference the Swift one-shot
    /// implementation is checked against.
    public static func referenceHash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = rowSeed) -> UInt64 {
        CXXHash.XXH64(bytes.baseAddress, bytes.count, seed)
    }
}
