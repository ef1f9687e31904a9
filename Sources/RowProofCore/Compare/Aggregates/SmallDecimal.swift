/// A finite decimal of at most 18 digits read straight from its canonical text, for the
/// aggregates' per-row path.
///
/// ``init(canonicalText:)`` accepts only the normalized text the row encoder writes
/// (`-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?`, never `-0`), so its fields equal those of
/// ``CanonicalDecimal`` parsed from the same text, and its numeric order equals the aggregate
/// order of the texts (``CellOrder/compareDecimalText(_:_:)``). Anything else — specials, exponents,
/// non-canonical forms, more digits — is left to ``CanonicalDecimal``.
struct SmallDecimal: Sendable, Equatable {
    /// The digits without the decimal point, signed.
    var unscaled: Int64
    /// How many of the digits follow the decimal point.
    var scale: Int32

    /// The most digits the fast path reads (10^18 - 1 fits an `Int64`).
    static let maximumDigits = 18

    /// `10^n` for `n` in `0...18`.
    static let powersOfTen: [Int64] = {
        var table: [Int64] = [1]
        for _ in 1...18 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    init(unscaled: Int64, scale: Int32) {
        self.unscaled = unscaled
        self.scale = scale
    }

    /// Reads canonical decimal text of at most 18 digits; `nil` for anything else.
    @inline(__always)
    init?(canonicalText text: UnsafeRawBufferPointer) {
        let count = text.count
        guard count > 0, count <= 20, let base = text.baseAddress else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var index = 0
        let isNegative = bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        guard index < count else { return nil }
        var magnitude: UInt64 = 0
        var digits = 0
        // Integer part: "0" alone, or digits without a leading zero.
        let first = bytes[index] &- 0x30
        guard first <= 9 else { return nil }
        if first == 0 {
            index += 1
            guard index == count || bytes[index] == UInt8(ascii: ".") else { return nil }
            digits = 1
        } else {
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit <= 9 else { break }
                magnitude = magnitude &* 10 &+ UInt64(digit)
                digits += 1
                index += 1
            }
        }
        var scale = 0
        if index < count {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < count else { return nil }
            index += 1
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit <= 9 else { return nil }
                magnitude = magnitude &* 10 &+ UInt64(digit)
                scale += 1
                index += 1
            }
            // Canonical fractions never end in zero.
            guard bytes[count - 1] != UInt8(ascii: "0") else { return nil }
        } else if isNegative && magnitude == 0 {
            return nil  // "-0" is not canonical
        }
        guard digits + scale <= Self.maximumDigits else { return nil }
        self.unscaled = isNegative ? -Int64(magnitude) : Int64(magnitude)
        self.scale = Int32(scale)
    }

    /// A negative number if `self` is smaller, 0 if equal, positive otherwise (numerically).
    @inline(__always)
    func compare(_ other: SmallDecimal) -> Int {
        if scale == other.scale {
            return unscaled < other.unscaled ? -1 : (unscaled > other.unscaled ? 1 : 0)
        }
        // Bring both to the larger scale; 18 digits times 10^18 fits an Int128.
        let common = max(scale, other.scale)
        let a = Int128(unscaled) * Int128(Self.powersOfTen[Int(common - scale)])
        let b = Int128(other.unscaled) * Int128(Self.powersOfTen[Int(common - other.scale)])
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// The canonical text the value was read from (``init(canonicalText:)`` accepts only
    /// canonical text, so writing it back gives the same bytes).
    var canonicalText: [UInt8] {
        var digits = Array(String(unscaled.magnitude).utf8)
        let fraction = Int(scale)
        if fraction > 0 {
            if digits.count <= fraction {
                digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: fraction - digits.count + 1), at: 0)
            }
            digits.insert(UInt8(ascii: "."), at: digits.count - fraction)
        }
        if unscaled < 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return digits
    }
}
