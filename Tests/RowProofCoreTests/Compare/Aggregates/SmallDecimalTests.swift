import Testing

@testable import RowProofCore

@Suite struct SmallDecimalTests {
    private func fast(_ text: String) -> SmallDecimal? {
        Array(text.utf8).withUnsafeBytes { SmallDecimal(canonicalText: $0) }
    }

    /// Canonical payloads as the row encoder writes them, from random unscaled values and scales.
    private func canonicalPayloads(count: Int, seed: UInt64) throws -> [[UInt8]] {
        var state = seed
        var payloads: [[UInt8]] = []
        var encoder = RowEncoder()
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 59) % 19  // 0...18 digits of magnitude
            var limit: Int64 = 1
            for _ in 0..<digits { limit = limit &* 10 }
            let magnitude = Int64((state >> 1) % UInt64(max(limit, 1)))
            let unscaled = state & 1 == 0 ? magnitude : -magnitude
            let scale = Int32((state >> 40) % 8)
            encoder.reset()
            try encoder.appendDecimal(unscaled: unscaled, scale: scale)
            let payload = encoder.withBytes { Array($0.dropFirst(5)) }
            payloads.append(payload)
        }
        return payloads
    }

    @Test(arguments: [
        "0", "7", "-7", "0.5", "-0.5", "0.05", "-0.000001", "12.5", "-12.25", "100", "-100.001",
        "123456789012345678", "-999999999999999999", "0.00000000000000001", "99999999.9999999999",
    ])
    func agreesWithCanonicalDecimal(_ text: String) throws {
        let expected = try CanonicalDecimal(parsing: text)
        let small = try #require(fast(text), "\(text) is canonical with at most 18 digits")
        #expect(Int128(small.unscaled) == expected.unscaled)
        #expect(small.scale == expected.scale)
    }

    /// Specials, exponents, non-canonical spellings and more than 18 digits go to the full parser.
    @Test(arguments: [
        "", "-", "-0", "-0.0", "0.0", "00", "01", "-01", "1.50", "1.", ".5", "+1", "1e5", "1E+2", "NaN",
        "Infinity", "-Infinity", "1234567890123456789", "-1234567890123456789", "0.1234567890123456789",
        "1.2.3", "1 ", " 1", "1a", "--1", "9223372036854775808",
    ])
    func leavesEverythingElseToTheFullParser(_ text: String) {
        #expect(fast(text) == nil, "\(text) must not take the fast path")
    }

    @Test func encoderPayloadsParseLikeCanonicalDecimal() throws {
        for payload in try canonicalPayloads(count: 5_000, seed: 42) {
            let expected = try payload.withUnsafeBytes { try CanonicalDecimal(parsingUTF8: $0) }
            let small = try #require(payload.withUnsafeBytes { SmallDecimal(canonicalText: $0) })
            #expect(Int128(small.unscaled) == expected.unscaled && small.scale == expected.scale)
        }
    }

    @Test func numericOrderEqualsTheAggregateOrderOfTheTexts() throws {
        let payloads =
            try canonicalPayloads(count: 600, seed: 7)
            + ["0", "0.5", "-0.5", "1", "-1", "10", "9.99"]
            .map { Array($0.utf8) }
        for (index, a) in payloads.enumerated() {
            let b = payloads[(index * 7 + 3) % payloads.count]
            let x = try #require(a.withUnsafeBytes { SmallDecimal(canonicalText: $0) })
            let y = try #require(b.withUnsafeBytes { SmallDecimal(canonicalText: $0) })
            let textual = a.withUnsafeBytes { p in b.withUnsafeBytes { q in CellOrder.compareDecimalText(p, q) } }
            #expect(
                x.compare(y).signum() == textual.signum(),
                "\(String(decoding: a, as: UTF8.self)) vs \(String(decoding: b, as: UTF8.self))"
            )
        }
    }

    @Test func compareAcrossScalesAtTheLimits() {
        let big = SmallDecimal(unscaled: 999_999_999_999_999_999, scale: 0)
        let tiny = SmallDecimal(unscaled: 1, scale: 18)
        let negative = SmallDecimal(unscaled: -999_999_999_999_999_999, scale: 18)
        #expect(big.compare(tiny) > 0 && tiny.compare(big) < 0)
        #expect(negative.compare(tiny) < 0 && negative.compare(big) < 0)
        #expect(SmallDecimal(unscaled: 15, scale: 1).compare(SmallDecimal(unscaled: 150, scale: 2)) == 0)
    }
}

@Suite struct SmallDecimalTextTests {
    /// A bound kept as a number is written back as exactly the text it was read from.
    @Test(arguments: [
        "0", "7", "-7", "0.5", "-0.05", "0.000001", "12.5", "-123456789012.345678", "999999999999999999", "-100",
    ])
    func canonicalTextRoundTrips(text: String) throws {
        let value = try #require(Array(text.utf8).withUnsafeBytes { SmallDecimal(canonicalText: $0) })
        #expect(String(decoding: value.canonicalText, as: UTF8.self) == text)
    }
}
