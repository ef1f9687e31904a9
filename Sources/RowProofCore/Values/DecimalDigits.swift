/// Decimal digit counting and ASCII digit writing for the canonical decimal text.
///
/// Writes go straight into a caller's buffer so the encoders never build a `String` per value.
@usableFromInline
enum DecimalDigits {
    /// `10^n` for `n` in `0...38`, the range a canonical decimal's digits can span.
    @usableFromInline
    static let powersOfTen: [UInt128] = {
        var table: [UInt128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    /// The number of decimal digits of `value` (1 for zero).
    @inline(__always) @inlinable
    static func count(_ value: UInt64) -> Int {
        // A comparison tree: no division, predictable for columns of similar magnitude.
        if value < 100_000_000 {
            if value < 10_000 {
                return value < 100 ? (value < 10 ? 1 : 2) : (value < 1_000 ? 3 : 4)
            }
            return value < 1_000_000 ? (value < 100_000 ? 5 : 6) : (value < 10_000_000 ? 7 : 8)
        }
        if value < 10_000_000_000_000_000 {
            if value < 1_000_000_000_000 {
                return value < 10_000_000_000 ? (value < 1_000_000_000 ? 9 : 10) : (value < 100_000_000_000 ? 11 : 12)
            }
            return value < 100_000_000_000_000
                ? (value < 10_000_000_000_000 ? 13 : 14)
                : (value < 1_000_000_000_000_000 ? 15 : 16)
        }
        return value < 100_000_000_000_000_000
            ? 17 : (value < 1_000_000_000_000_000_000 ? 18 : (value < 10_000_000_000_000_000_000 ? 19 : 20))
    }

    /// The number of decimal digits of `value` (1 for zero).
    static func count(_ value: UInt128) -> Int {
        if let small = UInt64(exactly: value) { return count(small) }
        var digits = 1
        while digits < powersOfTen.count, value >= powersOfTen[digits] { digits += 1 }
        return digits < powersOfTen.count ? digits : 39
    }

    /// Writes the lowest `count` digits of `value` ending just before `end` (right to left), two
    /// at a time, and returns the digits left over (`value / 10^count`); `count` may exceed the
    /// value's digits to pad with leading zeros.
    @inline(__always) @inlinable @discardableResult
    static func write(_ value: UInt64, endingAt end: UnsafeMutablePointer<UInt8>, count: Int) -> UInt64 {
        // "00" "01" ... "99": pair `n` is the two bytes at offset 2n, stored with one 16-bit move.
        let pairs: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        let table = UnsafeRawPointer(pairs.utf8Start)
        var rest = value
        var cursor = UnsafeMutableRawPointer(end)
        var remaining = count
        while remaining >= 2 {
            let (quotient, pair) = rest.quotientAndRemainder(dividingBy: 100)
            cursor -= 2
            cursor.storeBytes(
                of: table.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: pair) &* 2, as: UInt16.self),
                as: UInt16.self
            )
            rest = quotient
            remaining &-= 2
        }
        if remaining == 1 {
            let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
            cursor.storeBytes(of: UInt8(truncatingIfNeeded: digit) &+ 0x30, toByteOffset: -1, as: UInt8.self)
            rest = quotient
        }
        return rest
    }

    /// Writes the `count` digits of `value` ending just before `end` (right to left).
    static func write(_ value: UInt128, endingAt end: UnsafeMutablePointer<UInt8>, count: Int) {
        var rest = value
        var cursor = end
        var remaining = count
        // Peel 19-digit blocks so the inner loop works on UInt64.
        while remaining > 19 {
            let (quotient, block) = rest.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            write(UInt64(block), endingAt: cursor, count: 19)
            cursor -= 19
            remaining -= 19
            rest = quotient
        }
        write(UInt64(rest), endingAt: cursor, count: remaining)
    }

    /// The length of the canonical text of `±magnitude × 10^-scale` (`scale >= 0`, normalized).
    @inlinable @inline(__always)
    static func textLength(digitCount: Int, scale: Int, isNegative: Bool) -> Int {
        let sign = isNegative ? 1 : 0
        if scale == 0 { return sign + digitCount }
        if scale >= digitCount { return sign + 2 + scale }
        return sign + digitCount + 1
    }

    /// Writes the canonical text of `±magnitude × 10^-scale` at `start`; returns the bytes written.
    @inlinable @inline(__always)
    static func writeText(
        magnitude: UInt64,
        digitCount: Int,
        scale: Int,
        isNegative: Bool,
        to start: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var cursor = start
        if isNegative { cursor.pointee = UInt8(ascii: "-"); cursor += 1 }
        if scale == 0 {
            write(magnitude, endingAt: cursor + digitCount, count: digitCount)
            return cursor + digitCount - start
        }
        if scale >= digitCount {
            cursor[0] = UInt8(ascii: "0")
            cursor[1] = UInt8(ascii: ".")
            let zeros = scale - digitCount
            (cursor + 2).initialize(repeating: UInt8(ascii: "0"), count: zeros)
            let end = cursor + 2 + scale
            write(magnitude, endingAt: end, count: digitCount)
            return end - start
        }
        let integerDigits = digitCount - scale
        let end = cursor + integerDigits + 1 + scale
        // Fraction digits first; what is left over is the integer part (no runtime division).
        let integerPart = write(magnitude, endingAt: end, count: scale)
        cursor[integerDigits] = UInt8(ascii: ".")
        write(integerPart, endingAt: cursor + integerDigits, count: integerDigits)
        return end - start
    }

    /// Writes the canonical text of `±magnitude × 10^-scale` at `start`; returns the bytes written.
    static func writeText(
        magnitude: UInt128,
        digitCount: Int,
        scale: Int,
        isNegative: Bool,
        to start: UnsafeMutablePointer<UInt8>
    ) -> Int {
        if let small = UInt64(exactly: magnitude) {
            return writeText(magnitude: small, digitCount: digitCount, scale: scale, isNegative: isNegative, to: start)
        }
        var cursor = start
        if isNegative { cursor.pointee = UInt8(ascii: "-"); cursor += 1 }
        if scale == 0 {
            write(magnitude, endingAt: cursor + digitCount, count: digitCount)
            return cursor + digitCount - start
        }
        if scale >= digitCount {
            cursor[0] = UInt8(ascii: "0")
            cursor[1] = UInt8(ascii: ".")
            (cursor + 2).initialize(repeating: UInt8(ascii: "0"), count: scale - digitCount)
            let end = cursor + 2 + scale
            write(magnitude, endingAt: end, count: digitCount)
            return end - start
        }
        let integerDigits = digitCount - scale
        let (integerPart, fraction) = magnitude.quotientAndRemainder(dividingBy: powersOfTen[scale])
        write(integerPart, endingAt: cursor + integerDigits, count: integerDigits)
        cursor[integerDigits] = UInt8(ascii: ".")
        let end = cursor + integerDigits + 1 + scale
        write(fraction, endingAt: end, count: scale)
        return end - start
    }
}
