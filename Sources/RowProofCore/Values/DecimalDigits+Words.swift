/// Branch-light digit writing: eight digits at a time in one 64-bit word (SWAR), the digit
/// count read off the word, so the integers and decimals of a typical row take a handful of
/// multiplications instead of a digit-count search and a loop of divisions.
extension DecimalDigits {
    /// The eight decimal digits of `value` (`< 100_000_000`, zero-padded on the left) as the
    /// byte values 0...9 packed in memory order: the most significant digit in the lowest byte.
    @inlinable @inline(__always)
    static func digitWord(_ value: UInt64) -> UInt64 {
        // Two 4-digit halves in 32-bit lanes, the high half in the low lane (memory order).
        let small = UInt32(truncatingIfNeeded: value)
        let high = small / 10_000
        var word = UInt64(high) | (UInt64(small &- high &* 10_000) << 32)
        // Each lane into two 2-digit halves in 16-bit lanes: (x * 10486) >> 20 is x / 100 below 10^4.
        let hundreds = ((word &* 10_486) >> 20) & 0x0000_007F_0000_007F
        word = hundreds | ((word &- hundreds &* 100) << 16)
        // Each 16-bit lane into two digits in 8-bit lanes: (x * 103) >> 10 is x / 10 below 100.
        let tens = ((word &* 103) >> 10) & 0x000F_000F_000F_000F
        return tens | ((word &- tens &* 10) << 8)
    }

    /// The ASCII digits of `value` (`< 100_000_000`, zero-padded to eight) in memory order.
    @inlinable @inline(__always)
    static func asciiWord(_ value: UInt64) -> UInt64 {
        digitWord(value) | 0x3030_3030_3030_3030
    }

    /// Writes the decimal digits of `value` at `start` and returns how many there are (1 for zero).
    ///
    /// May write up to 8 bytes past the digits (their content is unspecified): the caller
    /// reserves 28 bytes.
    @inlinable @inline(__always)
    static func writeDigits(_ value: UInt64, at start: UnsafeMutableRawPointer) -> Int {
        if value < 100 {
            // One or two digits: (x * 103) >> 10 is x / 10 below 100.
            let tens = (UInt32(truncatingIfNeeded: value) &* 103) >> 10
            let ones = UInt32(truncatingIfNeeded: value) &- tens &* 10
            if value < 10 {
                start.storeBytes(of: UInt8(truncatingIfNeeded: ones) | 0x30, as: UInt8.self)
                return 1
            }
            start.storeBytes(
                of: UInt16(truncatingIfNeeded: (tens | (ones << 8)) | 0x3030).littleEndian,
                as: UInt16.self
            )
            return 2
        }
        if value < 100_000_000 {
            let raw = digitWord(value)
            // Leading zero digits are the lowest zero bytes; the top bit keeps zero at one digit.
            let leading = (raw | (1 << 63)).trailingZeroBitCount &>> 3
            let word = (raw | 0x3030_3030_3030_3030) &>> UInt64(truncatingIfNeeded: leading &* 8)
            start.storeBytes(of: word.littleEndian, as: UInt64.self)
            return 8 &- leading
        }
        if value < 10_000_000_000_000_000 {
            let (high, low) = value.quotientAndRemainder(dividingBy: 100_000_000)
            let raw = digitWord(high)
            let leading = (raw | (1 << 63)).trailingZeroBitCount &>> 3
            let word = (raw | 0x3030_3030_3030_3030) &>> UInt64(truncatingIfNeeded: leading &* 8)
            start.storeBytes(of: word.littleEndian, as: UInt64.self)
            start.storeBytes(of: asciiWord(low).littleEndian, toByteOffset: 8 &- leading, as: UInt64.self)
            return 16 &- leading
        }
        let count = count(value)
        write(value, endingAt: start.assumingMemoryBound(to: UInt8.self) + count, count: count)
        return count
    }
}
