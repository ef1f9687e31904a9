/// The exact sum of decimals, never rounded and never overflowing.
///
/// Values are added at the largest scale seen so far. A 128-bit running total takes the common
/// case; when it would overflow, it is folded into an arbitrary-precision total, so the sum of
/// any number of 38-digit values stays exact. NaN and infinities are tracked apart: the sum is
/// NaN if any NaN or both infinities were added, otherwise the infinity, otherwise finite.
///
/// Encoded as one string: the sum as normalized decimal text (`"-12.5"`, `"NaN"`, `"Infinity"`).
public struct ExactDecimalSum: Sendable, Equatable, Codable, CustomStringConvertible {
    private var total = WideInteger.zero
    private var pending: Int128 = 0
    private var scale: Int32 = 0
    private var hasNaN = false
    private var hasPositiveInfinity = false
    private var hasNegativeInfinity = false

    /// An empty sum (zero).
    public init() {}

    /// Adds one decimal.
    public mutating func add(_ value: CanonicalDecimal) {
        switch value.kind {
        case .finite: add(unscaled: value.unscaled, scale: value.scale)
        case .nan: hasNaN = true
        case .positiveInfinity: hasPositiveInfinity = true
        case .negativeInfinity: hasNegativeInfinity = true
        }
    }

    /// Adds `unscaled × 10^-scale` (`scale >= 0`).
    public mutating func add(unscaled: Int128, scale valueScale: Int32) {
        if valueScale > scale { rescale(to: valueScale) }
        var value = unscaled
        if valueScale < scale {
            // One multiplication by 10^gap overflows exactly when multiplying by 10 gap times would.
            let gap = Int(scale - valueScale)
            var overflowed = false
            if gap < DecimalDigits.powersOfTen.count {
                let (next, overflow) = value.multipliedReportingOverflow(by: Int128(DecimalDigits.powersOfTen[gap]))
                overflowed = overflow
                if !overflow { value = next }
            } else {
                overflowed = value != 0
            }
            if overflowed {
                var wide = WideInteger(unscaled)
                wide.multiply(byPowerOfTen: Int(scale - valueScale))
                total.add(wide)
                return
            }
        }
        let (sum, overflow) = pending.addingReportingOverflow(value)
        if overflow {
            total.add(WideInteger(pending))
            pending = value
        } else {
            pending = sum
        }
    }

    /// Adds a decimal read by the aggregates' fast path: one addition when its scale is the
    /// running scale, otherwise as ``add(unscaled:scale:)``.
    @inline(__always)
    mutating func add(small value: SmallDecimal) {
        if value.scale == scale {
            let (sum, overflow) = pending.addingReportingOverflow(Int128(value.unscaled))
            if !overflow {
                pending = sum
                return
            }
        }
        add(unscaled: Int128(value.unscaled), scale: value.scale)
    }

    /// Adds another sum (of another chunk of the same column).
    public mutating func merge(_ other: ExactDecimalSum) {
        var other = other
        let common = max(scale, other.scale)
        rescale(to: common)
        other.rescale(to: common)
        other.foldPending()
        total.add(other.total)
        hasNaN = hasNaN || other.hasNaN
        hasPositiveInfinity = hasPositiveInfinity || other.hasPositiveInfinity
        hasNegativeInfinity = hasNegativeInfinity || other.hasNegativeInfinity
    }

    /// The sum as normalized decimal text: `"1234.5"`, `"-0.25"`, `"0"`, `"NaN"`, `"Infinity"`,
    /// `"-Infinity"`. It may have any number of digits.
    public var description: String {
        if hasNaN || (hasPositiveInfinity && hasNegativeInfinity) { return "NaN" }
        if hasPositiveInfinity { return "Infinity" }
        if hasNegativeInfinity { return "-Infinity" }
        var sum = total
        sum.add(WideInteger(pending))
        var digits = sum.magnitudeDigits
        let sign = sum.isNegative ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let fractionCount = Int(scale)
        if digits.count <= fractionCount {
            digits = String(repeating: "0", count: fractionCount - digits.count + 1) + digits
        }
        var integer = String(digits.dropLast(fractionCount))
        var fraction = String(digits.suffix(fractionCount))
        while fraction.last == "0" { fraction.removeLast() }
        if integer.isEmpty { integer = "0" }
        if fraction.isEmpty { return integer == "0" ? "0" : sign + integer }
        return sign + integer + "." + fraction
    }

    /// The sum as a canonical decimal, or `nil` when it has more than 38 significant digits.
    public var decimal: CanonicalDecimal? {
        try? CanonicalDecimal(parsing: description)
    }

    /// Whether two sums are equal as numbers, whatever scale they were accumulated at.
    public static func == (lhs: ExactDecimalSum, rhs: ExactDecimalSum) -> Bool {
        lhs.description == rhs.description
    }

    /// Reads the sum from its decimal text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "NaN": hasNaN = true
        case "Infinity": hasPositiveInfinity = true
        case "-Infinity": hasNegativeInfinity = true
        default:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count == 2 ? parts[1] : ""
            guard parts.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = WideInteger(decimalDigits: Substring(String(parts[0]) + String(fraction)))
            else {
                throw CompareError(
                    .invalidAggregate,
                    "decimal sum \"\(text)\" is not a decimal number; expected digits with an optional '-' and '.', "
                        + "or NaN, Infinity, -Infinity"
                )
            }
            total = value
            scale = Int32(fraction.count)
        }
    }

    /// Writes the sum as its decimal text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private mutating func foldPending() {
        if pending != 0 {
            total.add(WideInteger(pending))
            pending = 0
        }
    }

    private mutating func rescale(to newScale: Int32) {
        guard newScale > scale else { return }
        foldPending()
        total.multiply(byPowerOfTen: Int(newScale - scale))
        scale = newScale
    }
}
