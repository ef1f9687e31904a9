internal import RowProofCrypto

/// The deterministic sample (spec `sampling`): a row is selected when the first 8 bytes of
/// SHA-256 of its key encoding, read big-endian, modulo M are less than K.
///
/// The same keys are selected on every run, engine and platform; the fraction tends to K/M.
public struct Sampler: Sendable, Hashable {
    /// M, the modulus (at least 1).
    public let modulus: UInt64
    /// K, how many of every M residues are selected (0 selects nothing, M everything).
    public let threshold: UInt64

    /// The spec's defaults: M = 10 000, K = 100 (1 %).
    public static let `default` = Sampler(uncheckedModulus: 10_000, threshold: 100)

    /// Creates a sampler selecting about `threshold / modulus` of the keys.
    ///
    /// - Throws: ``SamplerError`` unless `1 <= modulus` and `threshold <= modulus`.
    public init(modulus: UInt64, threshold: UInt64) throws(SamplerError) {
        guard modulus >= 1 else {
            throw SamplerError("the sampling modulus M must be at least 1, got 0")
        }
        guard threshold <= modulus else {
            throw SamplerError(
                "the sampling threshold K (\(threshold)) must not exceed the modulus M (\(modulus)); K/M is the sampled fraction"
            )
        }
        self.init(uncheckedModulus: modulus, threshold: threshold)
    }

    private init(uncheckedModulus modulus: UInt64, threshold: UInt64) {
        self.modulus = modulus
        self.threshold = threshold
    }

    /// The fraction of keys this sampler selects in the long run (K / M).
    public var rate: Double { Double(threshold) / Double(modulus) }

    /// The sampling value of a key encoding: the first 8 bytes of its SHA-256, big-endian.
    public static func sampleValue(key: UnsafeRawBufferPointer) -> UInt64 {
        SHA256.prefix64(key)
    }

    /// The sampling value of a key encoding: the first 8 bytes of its SHA-256, big-endian.
    public static func sampleValue(key: [UInt8]) -> UInt64 {
        key.withUnsafeBytes { SHA256.prefix64($0) }
    }

    /// The sampling value of a key encoding (see ``sampleValue(key:)-static``).
    public func sampleValue(key: UnsafeRawBufferPointer) -> UInt64 { Self.sampleValue(key: key) }

    /// The sampling value of a key encoding (see ``sampleValue(key:)-static``).
    public func sampleValue(key: [UInt8]) -> UInt64 { Self.sampleValue(key: key) }

    /// Whether a key with this sampling value is selected.
    @inlinable
    public func isSelected(sampleValue: UInt64) -> Bool {
        sampleValue % modulus < threshold
    }

    /// Whether the key with this encoding (``KeyEncoder``) is selected.
    public func isSelected(key: UnsafeRawBufferPointer) -> Bool {
        isSelected(sampleValue: Self.sampleValue(key: key))
    }

    /// Whether the key with this encoding (``KeyEncoder``) is selected.
    public func isSelected(key: [UInt8]) -> Bool {
        isSelected(sampleValue: Self.sampleValue(key: key))
    }
}

/// A sampler configuration that cannot work (M = 0, or K > M).
public struct SamplerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the configuration and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message, prefixed with what failed.
    public var description: String { "invalid sampling configuration: \(message)" }
}
