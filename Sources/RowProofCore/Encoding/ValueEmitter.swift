/// Writes whole value encodings (`tag || u32 length || payload`) at a raw destination and
/// returns their length: the one implementation behind ``RowEncoder`` and ``RowWriter``.
///
/// Each writer may store a few bytes past the encoding it returns (word-wide stores); callers
/// reserve the capacity named next to it.
@usableFromInline
enum ValueEmitter {
    /// Room an integer needs: tag, length, sign, 20 digits and the digit writer's spill.
    @inlinable static var integerCapacity: Int { 40 }
    /// Room a compact decimal needs: tag, length, "-0." and 16 digits or 8 zeros, and spill.
    @inlinable static var compactDecimalCapacity: Int { 48 }

    /// Writes an integer as its canonical decimal text.
    @inlinable @inline(__always)
    static func integer(_ value: Int64, at destination: UnsafeMutableRawPointer) -> Int {
        let sign = value < 0 ? 1 : 0
        // The sign byte is overwritten by the first digit when the value is not negative.
        destination.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 5, as: UInt8.self)
        let payloadLength = DecimalDigits.writeDigits(value.magnitude, at: destination + 5 + sign) &+ sign
        header(tag: .decimal, payloadLength: payloadLength, at: destination)
        return 5 &+ payloadLength
    }

    /// Whether ``compactDecimal(unscaled:scale:at:)`` handles the value: the typical
    /// numeric(p, s) with a scale of 1 to 8 and at most 16 digits, not zero.
    @inlinable @inline(__always)
    static func isCompactDecimal(unscaled: Int64, scale: Int32) -> Bool {
        scale > 0 && scale <= 8 && unscaled != 0 && unscaled.magnitude < 10_000_000_000_000_000
    }

    /// Writes `unscaled × 10^-scale` normalized; only for ``isCompactDecimal(unscaled:scale:)`` values.
    @inlinable @inline(__always)
    static func compactDecimal(unscaled: Int64, scale: Int32, at destination: UnsafeMutableRawPointer) -> Int {
        var magnitude = unscaled.magnitude
        var fractionDigits = Int(truncatingIfNeeded: scale)
        while fractionDigits > 0 {
            let (quotient, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
            if digit != 0 { break }
            magnitude = quotient
            fractionDigits &-= 1
        }
        let sign = unscaled < 0 ? 1 : 0
        destination.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 5, as: UInt8.self)
        let start = destination + 5 + sign
        if fractionDigits != 0 && fractionDigits <= 2 && magnitude < 10_000_000_000 {
            // Money-like numbers: the integer part (at most 8 digits) and one or two fraction digits.
            let (integerPart, fraction) =
                fractionDigits == 2
                ? magnitude.quotientAndRemainder(dividingBy: 100)
                : magnitude.quotientAndRemainder(dividingBy: 10)
            let point = DecimalDigits.writeDigits(integerPart, at: start)
            // (x * 103) >> 10 is x / 10 below 100: tens then ones, or the one digit alone.
            let tens = (UInt32(truncatingIfNeeded: fraction) &* 103) >> 10
            let ones = UInt32(truncatingIfNeeded: fraction) &- tens &* 10
            let point32 = UInt32(UInt8(ascii: "."))
            let tensText: UInt32 = (tens | 0x30) << 8
            let onesText: UInt32 = (ones | 0x30) << (fractionDigits == 2 ? 16 : 8)
            let text: UInt32 = point32 | onesText | (fractionDigits == 2 ? tensText : 0)
            start.storeBytes(of: text.littleEndian, toByteOffset: point, as: UInt32.self)
            let payloadLength = sign &+ point &+ 1 &+ fractionDigits
            header(tag: .decimal, payloadLength: payloadLength, at: destination)
            return 5 &+ payloadLength
        }
        let digits = DecimalDigits.writeDigits(magnitude, at: start)
        let payloadLength: Int
        if fractionDigits == 0 {
            payloadLength = sign &+ digits
        } else if _fastPath(fractionDigits < digits) {
            // Move the fraction digits one place right to make room for the point.
            let point = digits &- fractionDigits
            let fraction = start.loadUnaligned(fromByteOffset: point, as: UInt64.self)
            start.storeBytes(of: fraction, toByteOffset: point &+ 1, as: UInt64.self)
            start.storeBytes(of: UInt8(ascii: "."), toByteOffset: point, as: UInt8.self)
            payloadLength = sign &+ digits &+ 1
        } else {
            // "0." and zeros up to the digits (at most 8 in all), then the digits again.
            start.storeBytes(of: UInt8(ascii: "0"), as: UInt8.self)
            start.storeBytes(of: UInt8(ascii: "."), toByteOffset: 1, as: UInt8.self)
            start.storeBytes(of: 0x3030_3030_3030_3030 as UInt64, toByteOffset: 2, as: UInt64.self)
            _ = DecimalDigits.writeDigits(magnitude, at: start + 2 + (fractionDigits &- digits))
            payloadLength = sign &+ 2 &+ fractionDigits
        }
        header(tag: .decimal, payloadLength: payloadLength, at: destination)
        return 5 &+ payloadLength
    }

    /// Writes a fixed-width big-endian payload (5 + its size bytes).
    @inlinable @inline(__always)
    static func fixed<T: FixedWidthInteger>(tag: ValueTag, _ value: T, at destination: UnsafeMutableRawPointer) -> Int {
        header(tag: tag, payloadLength: MemoryLayout<T>.size, at: destination)
        destination.storeBytes(of: value.bigEndian, toByteOffset: 5, as: T.self)
        return 5 &+ MemoryLayout<T>.size
    }

    /// The canonical bits of a binary64: -0 as 0, every NaN as one NaN.
    @inlinable @inline(__always)
    static func floatBits(_ value: Double) -> UInt64 {
        value == 0 ? 0 : (value.isNaN ? 0x7FF8_0000_0000_0000 : value.bitPattern)
    }

    /// Writes a text value (5 + `bytes.count` bytes) and returns whether `bytes` were all
    /// ASCII; when they were not, what was written must be discarded.
    @inlinable @inline(__always)
    static func asciiText(_ bytes: UnsafeRawBufferPointer, at destination: UnsafeMutableRawPointer) -> Bool {
        header(tag: .text, payloadLength: bytes.count, at: destination)
        return UTF8Validator.copyCheckingASCII(bytes, to: destination + 5)
    }

    /// Writes the tag and the big-endian u32 payload length.
    @inlinable @inline(__always)
    static func header(tag: ValueTag, payloadLength: Int, at destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: tag.rawValue, as: UInt8.self)
        destination.storeBytes(
            of: UInt32(truncatingIfNeeded: payloadLength).bigEndian,
            toByteOffset: 1,
            as: UInt32.self
        )
    }
}
