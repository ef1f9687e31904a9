internal import CXXHash

/// XXH64 through libxxhash: the row hash of the hashing spec.
public enum XXH64 {
    /// The spec's seed: the ASCII bytes of "RowProof" read big-endian (`specs/hashing_spec.json`, `row_hash.seed`).
    public static let rowSeed: UInt64 = 0x526F_7750_726F_6F66

    /// Returns XXH64 of `bytes` with `seed`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = rowSeed) -> UInt64 {
        digest(bytes.baseAddress, bytes.count, seed)
    }

    /// Returns XXH64 of `bytes` with `seed`.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = rowSeed) -> UInt64 {
        bytes.withUnsafeBytes { digest($0.baseAddress, $0.count, seed) }
    }

    @usableFromInline
    static func digest(_ base: UnsafeRawPointer?, _ count: Int, _ seed: UInt64) -> UInt64 {
        CXXHash.XXH64(base, count, seed)
    }
}
