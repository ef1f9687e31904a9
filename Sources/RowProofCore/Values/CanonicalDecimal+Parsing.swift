extension CanonicalDecimal {
    /// Parses a decimal literal and normalizes it (spec `decimal_rules`).
    ///
    /// Accepts an optional sign, digits with an optional `.` (at least one digit), and an
    /// optional exponent `[eE][+-]?digits`; also `NaN`, `Infinity`, `-Infinity`, `inf`, `+inf`
    /// and `-inf` in any case. `"-0012.500"` becomes `-12.5`, `"1.5e3"` becomes `1500`.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidDecimal`` for anything else,
    ///   ``CanonicalError/Code-swift.enum/decimalOutOfRange`` for more than 38 significant digits.
    public init(parsing text: String) throws(CanonicalError) {
        self = try Self.parse(Array(text.utf8), original: text).get()
    }

    /// Parses a decimal literal given as UTF-8 bytes; see ``init(parsing:)``.
    public init(parsingUTF8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        let array = Array(bytes)
        self = try Self.parse(array, original: String(decoding: array, as: UTF8.self)).get()
    }

    private static func parse(_ bytes: [UInt8], original: String) -> Result<CanonicalDecimal, CanonicalError> {
        let invalid = { (reason: String) in
            Result<CanonicalDecimal, CanonicalError>.failure(
                CanonicalError(.invalidDecimal, "\"\(original)\" is not a decimal literal: \(reason)")
            )
        }
        var index = 0
        var isNegative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if let special = special(bytes[index...], isNegative: isNegative, hasSign: index > 0) {
            return .success(special)
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count)
        var digitsBeforePoint = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                digits.append(byte - 0x30)
                if !sawPoint { digitsBeforePoint += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { return invalid("expected at least one digit") }
        var exponent = 0
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                // Saturate: any exponent this large is out of range unless the digits are all zero.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            guard index > exponentStart else { return invalid("the exponent has no digits") }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else {
            return invalid("unexpected character at offset \(index)")
        }
        return normalize(
            digits: digits,
            pointPosition: digitsBeforePoint + exponent,
            isNegative: isNegative,
            original: original
        )
    }

    /// `0.d1 d2 ... dn × 10^pointPosition`, normalized.
    private static func normalize(
        digits: [UInt8],
        pointPosition: Int,
        isNegative: Bool,
        original: String
    ) -> Result<CanonicalDecimal, CanonicalError> {
        var first = 0
        var point = pointPosition
        while first < digits.count, digits[first] == 0 { first += 1; point -= 1 }
        var last = digits.count
        while last > first, digits[last - 1] == 0 { last -= 1 }
        let count = last - first
        if count == 0 { return .success(CanonicalDecimal(uncheckedKind: .finite, unscaled: 0, scale: 0)) }
        let significant = point > 0 ? max(point, count) : count - point
        guard significant <= maximumDigits else {
            return .failure(
                CanonicalError(
                    .decimalOutOfRange,
                    "\"\(original)\" has \(significant) significant digits after normalization; at most \(maximumDigits) are supported"
                        + " (round it, or compare the column as float or text through the type-coercion rulebook)"
                )
            )
        }
        var magnitude: UInt128 = 0
        for position in first..<last { magnitude = magnitude * 10 + UInt128(digits[position]) }
        let scale = max(count - point, 0)
        if point > count { magnitude *= DecimalDigits.powersOfTen[point - count] }
        let unscaled = isNegative ? -Int128(magnitude) : Int128(magnitude)
        return .success(CanonicalDecimal(uncheckedKind: .finite, unscaled: unscaled, scale: Int32(scale)))
    }

    private static func special(_ rest: ArraySlice<UInt8>, isNegative: Bool, hasSign: Bool) -> CanonicalDecimal? {
        let lowered = String(decoding: rest.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        switch lowered {
        case "nan" where !hasSign:
            return .special(.nan)
        case "infinity", "inf":
            return .special(isNegative ? .negativeInfinity : .positiveInfinity)
        default:
            return nil
        }
    }
}
