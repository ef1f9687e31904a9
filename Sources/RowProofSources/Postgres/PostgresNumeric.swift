import RowProofCore

/// Postgres `numeric` in binary form: base-10000 digits, a weight, a sign and a display scale.
///
/// Layout: `ndigits` (i16), `weight` (i16, base-10000 exponent of the first digit), `sign` (u16:
/// 0x0000 positive, 0x4000 negative, 0xC000 NaN, 0xD000 +Infinity, 0xF000 -Infinity), `dscale`
/// (i16), then `ndigits` digits (i16, 0…9999). The value is Σ digit[i] × 10000^(weight − i).
enum PostgresNumeric {
    static let nan: UInt16 = 0xC000
    static let positiveInfinity: UInt16 = 0xD000
    static let negativeInfinity: UInt16 = 0xF000
    static let negative: UInt16 = 0x4000

    /// Writes the value into `encoder`, on the fast `Int64` path when the digits fit.
    ///
    /// - Throws: `DECIMAL_OUT_OF_RANGE` when the value needs more than 38 digits (the caller names the column).
    static func append(_ raw: UnsafeRawBufferPointer, to encoder: inout RowEncoder) throws(CanonicalError) {
        try encoder.withRowWriter { (writer) throws(CanonicalError) in try append(raw, to: &writer) }
    }

    /// Writes the value into the row being written, on the fast `Int64` path when the digits fit.
    @inline(__always)
    static func append(_ raw: UnsafeRawBufferPointer, to encoder: inout RowWriter) throws(CanonicalError) {
        guard raw.count >= 8 else { throw malformed(raw.count) }
        let sign = PostgresBinary.uint16(raw, 4)
        if sign != 0, sign != negative {
            encoder.appendDecimal(special(sign))
            return
        }
        var count = Int(PostgresBinary.int16(raw, 0))
        guard raw.count >= 8 + 2 * count else { throw malformed(raw.count) }
        while count > 0, PostgresBinary.int16(raw, 8 + 2 * (count - 1)) == 0 { count -= 1 }
        if count == 0 {
            encoder.appendInteger(0)
            return
        }
        let exponent = Int(PostgresBinary.int16(raw, 2)) - (count - 1)  // base-10000 exponent of the last digit
        if count <= 4, exponent <= 0, exponent >= -9 {
            var digits: Int64 = 0
            for index in 0..<count { digits = digits * 10_000 + Int64(PostgresBinary.int16(raw, 8 + 2 * index)) }
            try encoder.appendDecimal(unscaled: sign == negative ? -digits : digits, scale: Int32(-4 * exponent))
            return
        }
        encoder.appendDecimal(try decimal(raw, count: count, exponent: exponent, sign: sign))
    }

    /// The value as a ``CanonicalDecimal`` (the general path, also used for keys).
    static func decimal(_ raw: UnsafeRawBufferPointer) throws(CanonicalError) -> CanonicalDecimal {
        guard raw.count >= 8 else { throw malformed(raw.count) }
        let sign = PostgresBinary.uint16(raw, 4)
        if sign != 0, sign != negative { return special(sign) }
        var count = Int(PostgresBinary.int16(raw, 0))
        guard raw.count >= 8 + 2 * count else { throw malformed(raw.count) }
        while count > 0, PostgresBinary.int16(raw, 8 + 2 * (count - 1)) == 0 { count -= 1 }
        if count == 0 { return CanonicalDecimal(integer: 0) }
        let exponent = Int(PostgresBinary.int16(raw, 2)) - (count - 1)
        return try decimal(raw, count: count, exponent: exponent, sign: sign)
    }

    private static func decimal(
        _ raw: UnsafeRawBufferPointer,
        count: Int,
        exponent: Int,
        sign: UInt16
    ) throws(CanonicalError) -> CanonicalDecimal {
        // The last base-10000 digit's trailing decimal zeros are dropped first, so a value with
        // 38 significant digits never needs the 40 digits its base-10000 form spans.
        let last = Int(PostgresBinary.int16(raw, 8 + 2 * (count - 1)))
        var trailingZeros = 0
        var lastDigits = last
        while lastDigits % 10 == 0 { lastDigits /= 10; trailingZeros += 1 }
        var magnitude: UInt128 = 0
        var overflow = false
        func multiply(by factor: UInt128) {
            let (product, didOverflow) = magnitude.multipliedReportingOverflow(by: factor)
            overflow = overflow || didOverflow
            magnitude = product
        }
        for index in 0..<(count - 1) {
            multiply(by: 10_000)
            magnitude &+= UInt128(PostgresBinary.int16(raw, 8 + 2 * index))
        }
        multiply(by: [1, 10, 100, 1_000, 10_000][4 - trailingZeros])
        magnitude &+= UInt128(lastDigits)
        var scale = 0
        let decimalExponent = 4 * exponent + trailingZeros
        if decimalExponent > 0 {
            for _ in 0..<decimalExponent where !overflow { multiply(by: 10) }
        } else {
            scale = -decimalExponent
        }
        guard !overflow, magnitude <= UInt128(Int128.max) else {
            let weight = Int(PostgresBinary.int16(raw, 2))
            throw CanonicalError(
                .decimalOutOfRange,
                "a numeric value with about \(max(weight + 1, 1) * 4 + scale) digits exceeds the 38 significant digits "
                    + "a canonical decimal holds"
            )
        }
        let unscaled = sign == negative ? -Int128(magnitude) : Int128(magnitude)
        return try CanonicalDecimal(unscaled: unscaled, scale: Int32(scale))
    }

    private static func special(_ sign: UInt16) -> CanonicalDecimal {
        switch sign {
        case nan: .special(.nan)
        case positiveInfinity: .special(.positiveInfinity)
        default: .special(.negativeInfinity)
        }
    }

    private static func malformed(_ length: Int) -> CanonicalError {
        CanonicalError(.malformedEncoding, "a binary numeric of \(length) bytes is truncated")
    }
}
