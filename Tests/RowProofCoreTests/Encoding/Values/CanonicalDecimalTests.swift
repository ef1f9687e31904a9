import RowProofCore
import Testing

@Suite struct CanonicalDecimalTests {
    @Test(arguments: [
        ("-0012.500", "-12.5"), ("5.00", "5"), ("0.000", "0"), ("-0", "0"), (".5", "0.5"),
        ("1.5e3", "1500"), ("12345e-4", "1.2345"), ("+7", "7"), ("5.", "5"), ("1E+2", "100"),
        ("-2.50E-3", "-0.0025"), ("0e99", "0"), ("0e999999999999999999", "0"), ("00100", "100"),
        ("NaN", "NaN"), ("nan", "NaN"), ("inf", "Infinity"), ("+Infinity", "Infinity"), ("-INF", "-Infinity"),
        ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
        ("0.00000000000000000000000000000000000001", "0.00000000000000000000000000000000000001"),
        ("-17014118346046923173168730371588410.572", "-17014118346046923173168730371588410.572"),
    ])
    func parsesAndNormalizes(input: String, expected: String) throws {
        #expect(try CanonicalDecimal(parsing: input).description == expected)
    }

    @Test(arguments: [
        "123456789012345678901234567890123456789", "1e38", "1e-39", "0.000000000000000000000000000000000000001",
        "1e999999999999",
    ])
    func rejectsMoreThan38Digits(input: String) {
        #expect(throws: CanonicalError.self) { try CanonicalDecimal(parsing: input) }
        do {
            _ = try CanonicalDecimal(parsing: input)
        } catch {
            #expect(error.code == .decimalOutOfRange)
            #expect(error.description.contains(input))
        }
    }

    @Test(arguments: ["", ".", "abc", "1.2.3", " 1", "1 ", "1,5", "1e", "1e+", "-", "-nan", "--1", "0x10", "١"])
    func rejectsNonLiterals(input: String) {
        do {
            _ = try CanonicalDecimal(parsing: input)
            Issue.record("\"\(input)\" was accepted")
        } catch {
            #expect(error.code == .invalidDecimal, "\(error)")
        }
    }

    @Test func unscaledInitializerNormalizes() throws {
        let five = try CanonicalDecimal(unscaled: 500, scale: 2)
        #expect(five == CanonicalDecimal(integer: 5))
        #expect(five.unscaled == 5 && five.scale == 0)
        #expect(try CanonicalDecimal(unscaled: 5, scale: -2).description == "500")
        #expect(try CanonicalDecimal(unscaled: -12_345, scale: 2).description == "-123.45")
        #expect(try CanonicalDecimal(unscaled: 0, scale: 9) == CanonicalDecimal(integer: 0))
        #expect(
            try CanonicalDecimal(unscaled: 1, scale: 38).description == "0." + String(repeating: "0", count: 37) + "1"
        )
        #expect(throws: CanonicalError.self) { try CanonicalDecimal(unscaled: 1, scale: 39) }
        #expect(throws: CanonicalError.self) { try CanonicalDecimal(unscaled: .max, scale: 0) }
        #expect(throws: CanonicalError.self) { try CanonicalDecimal(unscaled: 1, scale: -38) }
        #expect(try CanonicalDecimal(unscaled: 1, scale: -37).significantDigits == 38)
    }

    @Test func ordersNumericallyWithNaNGreatest() throws {
        let texts = [
            "NaN", "-Infinity", "Infinity", "-1.5", "-1", "-0.25", "0", "0.1", "0.09", "1", "1.000001", "10", "9.99",
        ]
        let sorted = try texts.map { try CanonicalDecimal(parsing: $0) }.sorted().map(\.description)
        #expect(
            sorted == [
                "-Infinity", "-1.5", "-1", "-0.25", "0", "0.09", "0.1", "1", "1.000001", "9.99", "10", "Infinity",
                "NaN",
            ]
        )
        let nan = CanonicalDecimal.special(.nan)
        #expect(nan == nan && !(nan < nan))
        let big = try CanonicalDecimal(parsing: "1234567890123456789012345678.1234567891")
        let bigger = try CanonicalDecimal(parsing: "1234567890123456789012345678.12345679")
        #expect(big < bigger && !(bigger < big))
    }

    @Test func integralValuesConvertToInt64() throws {
        #expect(try CanonicalDecimal(parsing: "-9223372036854775808").int64Value == .min)
        #expect(try CanonicalDecimal(parsing: "9223372036854775808").int64Value == nil)
        #expect(try CanonicalDecimal(parsing: "1.5").int64Value == nil)
        #expect(try CanonicalDecimal(parsing: "1.50e1").int64Value == 15)
    }
}
