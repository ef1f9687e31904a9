import RowProofCore
import Testing

@testable import RowProofSources

/// Binary `numeric` values built by hand (NBASE 10000 digits, weight, sign, dscale).
@Suite struct PostgresNumericTests {
    func numeric(_ digits: [Int16], weight: Int16, sign: UInt16 = 0, dscale: Int16 = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in [UInt16(digits.count), UInt16(bitPattern: weight), sign, UInt16(bitPattern: dscale)]
            + digits.map({ UInt16($0) })
        {
            bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        return bytes
    }

    func encoded(_ bytes: [UInt8]) throws -> [UInt8] {
        var encoder = RowEncoder()
        try bytes.withUnsafeBytes { try PostgresNumeric.append($0, to: &encoder) }
        return encoder.bytes
    }

    @Test(arguments: [
        ([Int16(1234), 5678], Int16(0), UInt16(0), "1234.5678"),  // 1234.5678
        ([12], 1, 0, "120000"),  // 12 × 10000^1
        ([5000], -1, 0x4000, "-0.5"),  // -0.5000
        ([1, 0, 0], 2, 0, "100000000"),  // trailing zero digits
        ([], 0, 0, "0"),
        ([9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999], 4, 0, "99999999999999999999.9999999999999999"),
    ])
    func decodesFinite(digits: [Int16], weight: Int16, sign: UInt16, expected: String) throws {
        let actual = try encoded(numeric(digits, weight: weight, sign: sign))
        #expect(actual == (try RowEncoder.canonicalBytes(of: [.decimal(CanonicalDecimal(parsing: expected))])))
    }

    @Test(arguments: [
        (UInt16(0xC000), CanonicalDecimal.Kind.nan), (0xD000, .positiveInfinity), (0xF000, .negativeInfinity),
    ])
    func decodesSpecials(sign: UInt16, kind: CanonicalDecimal.Kind) throws {
        let actual = try encoded(numeric([], weight: 0, sign: sign))
        #expect(actual == (try RowEncoder.canonicalBytes(of: [.decimal(.special(kind))])))
    }

    @Test func fortyDigitsAreOutOfRange() {
        let error = #expect(throws: CanonicalError.self) { try encoded(numeric([1], weight: 10)) }
        #expect(error?.code == .decimalOutOfRange)
        #expect(error?.detail.contains("38 significant digits") == true)
    }

    @Test func thirtyEightDigitsWithTrailingZerosInTheLastBaseDigitFit() throws {
        // 12345678901234567890.123456789012345678: the last base-10000 digit is 7800.
        let digits: [Int16] = [1234, 5678, 9012, 3456, 7890, 1234, 5678, 9012, 3456, 7800]
        let actual = try encoded(numeric(digits, weight: 4, dscale: 18))
        #expect(
            actual
                == (try RowEncoder.canonicalBytes(of: [
                    .decimal(CanonicalDecimal(parsing: "12345678901234567890.123456789012345678"))
                ]))
        )
    }

    @Test func keyOfIntegralNumericIsAnIntegerKey() throws {
        var encoder = KeyEncoder()
        try numeric([42], weight: 0).withUnsafeBytes { try PostgresFieldDecoder.numeric.appendKey($0, to: &encoder) }
        #expect(encoder.bytes == (try KeyEncoder.encode([.decimal(CanonicalDecimal(integer: 42))], expectedArity: 1)))
    }
}
