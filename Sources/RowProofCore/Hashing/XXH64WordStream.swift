/// XXH64 of a sequence of 64-bit words, each fed as its 8 big-endian bytes, computed in Swift.
///
/// Gives exactly `XXH64(seed, word₁ᴮᴱ ‖ word₂ᴮᴱ ‖ …)` as libxxhash's streaming API would, but as a
/// plain value: no C call, no allocation and no uniqueness check per word, which matters for the
/// ordered chunk digest, fed once per row on both sides. Whole-buffer hashing stays with
/// libxxhash (``XXH64``).
@usableFromInline
struct XXH64WordStream: Sendable {
    @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @usableFromInline let seed: UInt64
    /// The four lane accumulators, advanced once per 32-byte stripe.
    @usableFromInline var lanes: (UInt64, UInt64, UInt64, UInt64)
    /// Words of the stripe being filled, already in XXH64's little-endian reading.
    @usableFromInline var pending: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// Words fed so far.
    @usableFromInline var count = 0

    /// Starts a stream with `seed`.
    @usableFromInline
    init(seed: UInt64) {
        self.seed = seed
        lanes = (seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
    }

    @inlinable @inline(__always)
    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inlinable @inline(__always)
    static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    /// Feeds `word` as 8 big-endian bytes.
    @inlinable @inline(__always)
    mutating func update(bigEndian word: UInt64) {
        // XXH64 reads its input little-endian: big-endian bytes read back as the swapped word.
        let input = word.byteSwapped
        switch count & 3 {
        case 0: pending.0 = input
        case 1: pending.1 = input
        case 2: pending.2 = input
        default:
            lanes.0 = Self.round(lanes.0, pending.0)
            lanes.1 = Self.round(lanes.1, pending.1)
            lanes.2 = Self.round(lanes.2, pending.2)
            lanes.3 = Self.round(lanes.3, input)
        }
        count &+= 1
    }

    /// The hash of the words fed so far; the stream can keep going.
    @usableFromInline
    func digest() -> UInt64 {
        var hash: UInt64
        if count >= 4 {
            hash =
                Self.rotate(lanes.0, 1) &+ Self.rotate(lanes.1, 7) &+ Self.rotate(lanes.2, 12)
                &+ Self.rotate(lanes.3, 18)
            hash = Self.merge(hash, lanes.0)
            hash = Self.merge(hash, lanes.1)
            hash = Self.merge(hash, lanes.2)
            hash = Self.merge(hash, lanes.3)
        } else {
            hash = seed &+ Self.prime5
        }
        hash &+= UInt64(count) &* 8
        // The words of the unfinished stripe, 8 bytes at a time.
        for index in 0..<(count & 3) {
            let word = index == 0 ? pending.0 : (index == 1 ? pending.1 : pending.2)
            hash ^= Self.round(0, word)
            hash = Self.rotate(hash, 27) &* Self.prime1 &+ Self.prime4
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }
}
