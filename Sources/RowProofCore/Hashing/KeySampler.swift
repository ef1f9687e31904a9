internal import RowProofCrypto

/// A ``Sampler`` for one stream of keys: the same selections, with one SHA-256 context reused
/// for every key instead of a context created and freed per key.
///
/// Not `Sendable`: it owns an OpenSSL context, so one stream on one thread uses it; give every
/// stream its own.
public struct KeySampler {
    /// The sampling rule (M and K).
    public let sampler: Sampler
    private let hasher = SHA256PrefixHasher()

    /// Creates a key sampler applying `sampler`.
    public init(_ sampler: Sampler) {
        self.sampler = sampler
    }

    /// The sampling value of a key encoding; equals ``Sampler/sampleValue(key:)-static``.
    public func sampleValue(key: UnsafeRawBufferPointer) -> UInt64 {
        hasher.prefix64(key)
    }

    /// Whether the key with this encoding is selected; equals ``Sampler/isSelected(key:)-(UnsafeRawBufferPointer)``.
    public func isSelected(key: UnsafeRawBufferPointer) -> Bool {
        sampler.isSelected(sampleValue: hasher.prefix64(key))
    }

    /// Whether the key with this encoding is selected; equals ``Sampler/isSelected(key:)-([UInt8])``.
    public func isSelected(key: [UInt8]) -> Bool {
        key.withUnsafeBytes { sampler.isSelected(sampleValue: hasher.prefix64($0)) }
    }
}
