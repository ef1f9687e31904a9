/// The XXH64 algorithm (xxHash specification, "XXH64 algorithm description"), one shot over a
/// contiguous buffer. Lanes are read little-endian whatever the platform.
extension XXH64 {
    @inlinable static var prime1: UInt64 { 0x9E37_79B1_85EB_CA87 }
    @inlinable static var prime2: UInt64 { 0xC2B2_AE3D_27D4_EB4F }
    @inlinable static var prime3: UInt64 { 0x1656_67B1_9E37_79F9 }
    @inlinable static var prime4: UInt64 { 0x85EB_CA77_C2B2_AE63 }
    @inlinable static var prime5: UInt64 { 0x27D4_EB2F_1656_67C5 }

    /// XXH64 of the `count` bytes at `base`.
    @inlinable @inline(__always)
    static func oneShot(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var lane1 = seed &+ prime1 &+ prime2
            var lane2 = seed &+ prime2
            var lane3 = seed
            var lane4 = seed &- prime1
            let lastStripe = count &- 32
            repeat {
                lane1 = round(lane1, word(base, offset))
                lane2 = round(lane2, word(base, offset &+ 8))
                lane3 = round(lane3, word(base, offset &+ 16))
                lane4 = round(lane4, word(base, offset &+ 24))
                offset &+= 32
            } while offset <= lastStripe
            hash = rotateLeft(lane1, by: 1) &+ rotateLeft(lane2, by: 7) &+ rotateLeft(lane3, by: 12) &+ rotateLeft(lane4, by: 18)
            hash = merge(hash, lane1)
            hash = merge(hash, lane2)
            hash = merge(hash, lane3)
            hash = merge(hash, lane4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(truncatingIfNeeded: count)
        while offset &+ 8 <= count {
            hash ^= round(0, word(base, offset))
            hash = rotateLeft(hash, by: 27) &* prime1 &+ prime4
            offset &+= 8
        }
        if offset &+ 4 <= count {
            let half = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            hash ^= UInt64(half) &* prime1
            hash = rotateLeft(hash, by: 23) &* prime2 &+ prime3
            offset &+= 4
        }
        while offset < count {
            hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
            hash = rotateLeft(hash, by: 11) &* prime1
            offset &+= 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    @inlinable @inline(__always)
    static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable @inline(__always)
    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotateLeft((accumulator &+ input &* prime2), by: 31) &* prime1
    }

    @inlinable @inline(__always)
    static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inlinable @inline(__always)
    static func rotateLeft(_ value: UInt64, by bits: UInt64) -> UInt64 {
        (value &<< bits) | (value &>> (64 &- bits))
    }
}
