/// A signed integer of any size, two's complement in little-endian 64-bit limbs.
///
/// Only what exact decimal sums need: add, negate, multiply by a small factor, decimal text.
struct WideInteger: Sendable, Hashable {
    /// Little-endian limbs; the top bit of the last limb is the sign. Never empty, never with a
    /// redundant sign limb.
    private(set) var limbs: [UInt64]

    static let zero = WideInteger(Int128(0))

    init(_ value: Int128) {
        limbs = [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
        normalize()
    }

    var isNegative: Bool { limbs[limbs.count - 1] >> 63 == 1 }
    var isZero: Bool { limbs.count == 1 && limbs[0] == 0 }

    private var signExtension: UInt64 { isNegative ? .max : 0 }

    mutating func add(_ other: WideInteger) {
        let count = max(limbs.count, other.limbs.count) + 1
        let extendSelf = signExtension
        let extendOther = other.signExtension
        var result = [UInt64](repeating: 0, count: count)
        var carry: UInt64 = 0
        for index in 0..<count {
            let a = index < limbs.count ? limbs[index] : extendSelf
            let b = index < other.limbs.count ? other.limbs[index] : extendOther
            let (partial, overflow1) = a.addingReportingOverflow(b)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            result[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        limbs = result
        normalize()
    }

    mutating func negate() {
        limbs.append(signExtension)
        var carry: UInt64 = 1
        for index in limbs.indices {
            let (sum, overflow) = (~limbs[index]).addingReportingOverflow(carry)
            limbs[index] = sum
            carry = overflow ? 1 : 0
        }
        normalize()
    }

    /// Multiplies by `factor` (any `UInt64`, typically a power of ten).
    mutating func multiply(by factor: UInt64) {
        let negative = isNegative
        if negative { negate() }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        limbs.append(carry)
        limbs.append(0)
        normalize()
        if negative { negate() }
    }

    /// Multiplies by `10^digits`.
    mutating func multiply(byPowerOfTen digits: Int) {
        var remaining = digits
        while remaining > 0 {
            let step = min(remaining, 19)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 10 }
            multiply(by: factor)
            remaining -= step
        }
    }

    /// The decimal digits of the absolute value, without sign or leading zeros ("0" for zero).
    var magnitudeDigits: String {
        var magnitude = self
        if magnitude.isNegative { magnitude.negate() }
        var words = magnitude.limbs
        var chunks: [UInt64] = []
        let base: UInt64 = 10_000_000_000_000_000_000
        while words.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for index in words.indices.reversed() {
                let (quotient, rest) = base.dividingFullWidth((remainder, words[index]))
                words[index] = quotient
                remainder = rest
            }
            chunks.append(remainder)
        }
        guard let last = chunks.last else { return "0" }
        var text = String(last)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// Parses an optional `-` followed by decimal digits; `nil` for anything else.
    init?(decimalDigits text: Substring) {
        var digits = text
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value = WideInteger.zero
        for digit in digits.utf8 {
            value.multiply(by: 10)
            value.add(WideInteger(Int128(digit - UInt8(ascii: "0"))))
        }
        if negative { value.negate() }
        self = value
    }

    private mutating func normalize() {
        while limbs.count > 1 {
            let top = limbs[limbs.count - 1]
            let below = limbs[limbs.count - 2] >> 63
            guard (top == 0 && below == 0) || (top == .max && below == 1) else { break }
            limbs.removeLast()
        }
    }
}
