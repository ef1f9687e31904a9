extension CanonicalDecimal: Comparable {
    /// Numeric order; `-Infinity` is least, then finite values, `Infinity`, and `NaN` greatest
    /// (NaN equals NaN), as Postgres orders `numeric`.
    public static func < (lhs: CanonicalDecimal, rhs: CanonicalDecimal) -> Bool {
        let lhsRank = lhs.orderRank
        let rhsRank = rhs.orderRank
        guard lhsRank == 1, rhsRank == 1 else { return lhsRank < rhsRank }
        if lhs.scale == rhs.scale { return lhs.unscaled < rhs.unscaled }
        // Compare integer parts, then fractions scaled to a common scale (<= 38 digits, fits Int128).
        let lhsSplit = lhs.unscaled.quotientAndRemainder(dividingBy: Int128(DecimalDigits.powersOfTen[Int(lhs.scale)]))
        let rhsSplit = rhs.unscaled.quotientAndRemainder(dividingBy: Int128(DecimalDigits.powersOfTen[Int(rhs.scale)]))
        if lhsSplit.quotient != rhsSplit.quotient { return lhsSplit.quotient < rhsSplit.quotient }
        let common = max(lhs.scale, rhs.scale)
        let lhsFraction = lhsSplit.remainder * Int128(DecimalDigits.powersOfTen[Int(common - lhs.scale)])
        let rhsFraction = rhsSplit.remainder * Int128(DecimalDigits.powersOfTen[Int(common - rhs.scale)])
        return lhsFraction < rhsFraction
    }

    private var orderRank: Int {
        switch kind {
        case .negativeInfinity: 0
        case .finite: 1
        case .positiveInfinity: 2
        case .nan: 3
        }
    }
}
