/// The digest of a chunk on one side (see the hashing spec's `chunk_digest`).
public struct SideDigest: ContractModel, Hashable {
    /// Rows in the chunk.
    public var count: Int
    /// XXH64 over the row hashes in key order, 16 lowercase hex digits.
    public var ordered: String
    /// Sum of the row hashes modulo 2^64, 16 lowercase hex digits.
    public var multisetSum: String
    /// Sum of fmix64(row hash) modulo 2^64, 16 lowercase hex digits.
    public var multisetMix: String

    /// Creates a digest.
    public init(count: Int, ordered: String, multisetSum: String, multisetMix: String) {
        self.count = count
        self.ordered = ordered
        self.multisetSum = multisetSum
        self.multisetMix = multisetMix
    }

    enum CodingKeys: String, CodingKey {
        case count, ordered
        case multisetSum = "multiset_sum"
        case multisetMix = "multiset_mix"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["count"].check(count, atLeast: 0)
        try path["ordered"].check(ordered, matches: .hex16)
        try path["multiset_sum"].check(multisetSum, matches: .hex16)
        try path["multiset_mix"].check(multisetMix, matches: .hex16)
    }
}
