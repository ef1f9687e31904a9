/// The arithmetic behind tolerances: differences of decimals (exact where they fit in 128 bits),
/// floats and timestamps, tested against absolute and relative bounds.
enum NumericDifference {
    private static let powersOfTen: [Double] = (0...76).map { Double("1e\($0)")! }

    /// `value` as an exact decimal, from its shortest round-trip text (`0.1` is exactly 1/10).
    static func decimal(_ value: Double) -> CanonicalDecimal? {
        try? CanonicalDecimal(parsing: String(value))
    }

    static func compare(
        _ source: CanonicalValue,
        _ target: CanonicalValue,
        tolerance: ColumnTolerance,
        absoluteDecimal: CanonicalDecimal?
    ) -> ColumnComparison {
        switch (source, target) {
        case let (.decimal(a), .decimal(b)):
            guard a.kind == .finite, b.kind == .finite else {
                return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false)
            }
            let exact = exactDifference(a, b)
            let difference =
                exact.map { double(unscaled: Int128(bitPattern: $0.magnitude), scale: $0.scale) }
                ?? abs(double(a) - double(b))
            var within = false
            if let absolute = tolerance.absolute {
                if let exact, let bound = absoluteDecimal, let verdict = isAtMost(exact, bound) {
                    within = verdict
                } else {
                    within = difference <= absolute
                }
            }
            if !within, let relative = tolerance.relative {
                within = difference <= relative * max(abs(double(a)), abs(double(b)))
            }
            return ColumnComparison(absoluteDifference: difference, isWithinTolerance: within)
        case let (.float(a), .float(b)):
            return compareDoubles(a, b, tolerance: tolerance)
        case let (.decimal(a), .float(b)):
            guard a.kind == .finite else { return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false) }
            return compareDoubles(double(a), b, tolerance: tolerance)
        case let (.float(a), .decimal(b)):
            guard b.kind == .finite else { return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false) }
            return compareDoubles(a, double(b), tolerance: tolerance)
        case let (.timestamp(a), .timestamp(b)):
            let infinities: Set<Int64> = [.max, .min]
            let (micros, overflow) = a.subtractingReportingOverflow(b)
            guard !infinities.contains(a), !infinities.contains(b), !overflow else {
                return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false)
            }
            let seconds = Double(micros.magnitude) / 1_000_000
            let within = tolerance.absolute.map { Double(micros.magnitude) <= $0 * 1_000_000 } ?? false
            return ColumnComparison(absoluteDifference: seconds, isWithinTolerance: within)
        default:
            return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false)
        }
    }

    private static func compareDoubles(_ a: Double, _ b: Double, tolerance: ColumnTolerance) -> ColumnComparison {
        guard a.isFinite, b.isFinite else { return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false) }
        let difference = abs(a - b)
        guard difference.isFinite else { return ColumnComparison(absoluteDifference: nil, isWithinTolerance: false) }
        var within = tolerance.absolute.map { difference <= $0 } ?? false
        if !within, let relative = tolerance.relative {
            within = difference <= relative * max(abs(a), abs(b))
        }
        return ColumnComparison(absoluteDifference: difference, isWithinTolerance: within)
    }

    /// `|a - b|` as an unsigned magnitude at the larger scale, or `nil` if it does not fit 128 bits.
    static func exactDifference(_ a: CanonicalDecimal, _ b: CanonicalDecimal) -> (magnitude: UInt128, scale: Int32)? {
        let scale = max(a.scale, b.scale)
        guard let x = rescale(a.unscaled, by: scale - a.scale), let y = rescale(b.unscaled, by: scale - b.scale) else {
            return nil
        }
        let (difference, overflow) = x.subtractingReportingOverflow(y)
        guard !overflow else { return nil }
        return (difference.magnitude, scale)
    }

    /// Whether `difference <= bound` exactly, or `nil` if rescaling overflows.
    private static func isAtMost(_ difference: (magnitude: UInt128, scale: Int32), _ bound: CanonicalDecimal) -> Bool? {
        guard bound.kind == .finite, bound.unscaled >= 0 else { return nil }
        let scale = max(difference.scale, bound.scale)
        guard let lhs = rescale(difference.magnitude, by: scale - difference.scale),
            let rhs = rescale(UInt128(bound.unscaled), by: scale - bound.scale)
        else { return nil }
        return lhs <= rhs
    }

    private static func rescale<T: FixedWidthInteger>(_ value: T, by digits: Int32) -> T? {
        var result = value
        for _ in 0..<max(0, Int(digits)) {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }

    static func double(_ value: CanonicalDecimal) -> Double {
        switch value.kind {
        case .finite: double(unscaled: value.unscaled, scale: value.scale)
        case .nan: .nan
        case .positiveInfinity: .infinity
        case .negativeInfinity: -.infinity
        }
    }

    static func double(unscaled: Int128, scale: Int32) -> Double {
        Double(unscaled) / powersOfTen[min(Int(scale), powersOfTen.count - 1)]
    }
}
