/// The deterministic sample: a key is selected when `u64(SHA-256(key)[0..8]) mod M < K`.
public struct SamplingParameters: ContractModel {
    /// The modulus `M` (at least 1).
    public var modulus: Int
    /// The threshold `K` (0 ... M); K/M is the sampled fraction.
    public var threshold: Int

    /// Creates sampling parameters; the spec's defaults are M = 10000, K = 100.
    public init(modulus: Int = 10_000, threshold: Int = 100) {
        self.modulus = modulus
        self.threshold = threshold
    }

    enum CodingKeys: String, CodingKey {
        case modulus = "M"
        case threshold = "K"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["M"].check(modulus, atLeast: 1)
        try path["K"].check(threshold, atLeast: 0)
        guard threshold <= modulus else { throw path["K"].fail("must be <= M (\(modulus)) (got \(threshold))") }
    }
}
