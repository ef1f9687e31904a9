extension CanonicalDecimal {
    /// Creates the normalized decimal `unscaled × 10^-scale`.
    ///
    /// Trailing fraction zeros are removed and a negative `scale` is applied, so
    /// `(500, 2)`, `(5, 0)` and `(50, 1)` give the same value; zero is always `(0, 0)`.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/decimalOutOfRange`` when the normalized value
    ///   needs more than 38 digits (integer digits plus fraction digits).
    public init(unscaled: Int128, scale: Int32) throws(CanonicalError) {
        let isNegative = unscaled < 0
        var magnitude = unscaled.magnitude
        var scale = Int(scale)
        if magnitude == 0 {
            self.init(uncheckedKind: .finite, unscaled: 0, scale: 0)
            return
        }
        if scale < 0 {
            let shift = -scale
            guard shift <= Self.maximumDigits else {
                throw Self.outOfRange(unscaled: unscaled, scale: scale)
            }
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: DecimalDigits.powersOfTen[shift])
            guard !overflow else { throw Self.outOfRange(unscaled: unscaled, scale: scale) }
            magnitude = product
            scale = 0
        }
        while scale > 0, magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        let digits = DecimalDigits.count(magnitude)
        guard max(digits, scale) <= Self.maximumDigits else {
            throw Self.outOfRange(unscaled: unscaled, scale: scale)
        }
        let signed = isNegative ? -Int128(magnitude) : Int128(magnitude)
        self.init(uncheckedKind: .finite, unscaled: signed, scale: Int32(scale))
    }

    /// The number of significant digits the spec counts: integer digits (0 when the integer part
    /// is 0) plus fraction digits. 0 for zero and the specials.
    public var significantDigits: Int {
        guard kind == .finite, unscaled != 0 else { return 0 }
        return max(DecimalDigits.count(unscaled.magnitude), Int(scale))
    }

    /// Whether this is a finite value without fraction digits.
    public var isIntegral: Bool { kind == .finite && scale == 0 }

    /// The value as an `Int64` when it is integral and in range, else `nil`.
    public var int64Value: Int64? {
        guard isIntegral else { return nil }
        return Int64(exactly: unscaled)
    }

    static func outOfRange(unscaled: Int128, scale: Int) -> CanonicalError {
        CanonicalError(
            .decimalOutOfRange,
            "\(unscaled) x 10^\(-scale) needs more than \(maximumDigits) significant digits after normalization; "
                + "round it or compare the column as float or text through the type-coercion rulebook"
        )
    }
}
