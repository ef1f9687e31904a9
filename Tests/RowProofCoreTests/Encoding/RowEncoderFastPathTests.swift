import RowProofCore
import RowProofCrypto
import Testing

/// The word-at-a-time writers (integer and decimal digits, ASCII text copy) against plain
/// string formatting, over every digit count, every text length up to 300 bytes and the edges.
@Suite struct RowEncoderFastPathTests {
    /// `tag || u32 length || payload` built by hand.
    private func expected(tag: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count)
        return [
            tag, UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF),
        ] + payload
    }

    /// The canonical decimal text of `unscaled × 10^-scale` (`scale >= 0`) by string manipulation.
    private func referenceDecimalText(unscaled: Int64, scale: Int) -> String {
        var digits = String(unscaled.magnitude)
        var scale = scale
        while scale > 0, digits.count > 1 || digits != "0", digits.last == "0" {
            digits.removeLast()
            scale -= 1
        }
        if digits == "0" { return "0" }
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (unscaled < 0 ? "-" : "") + digits
    }

    /// Every power of ten and its neighbours, both signs, the extremes and a deterministic spread.
    private static let integers: [Int64] = {
        var values: [Int64] = [0, 1, -1, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0...18 {
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
            if power <= Int64.max / 10 { power *= 10 }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let shift = state % 64
            values.append(Int64(bitPattern: state) >> shift)
        }
        return values
    }()

    @Test func integersMatchTheirDecimalText() {
        var encoder = RowEncoder()
        for value in Self.integers {
            encoder.reset()
            encoder.appendInteger(value)
            let want = expected(tag: 0x02, Array(String(value).utf8))
            #expect(encoder.bytes == want, "integer \(value)")
        }
    }

    @Test func integersBetweenOtherValuesKeepTheirNeighboursIntact() {
        var encoder = RowEncoder()
        for value in Self.integers.prefix(200) {
            encoder.reset()
            encoder.appendInteger(value)
            encoder.appendTimestamp(micros: -1)
            let want =
                expected(tag: 0x02, Array(String(value).utf8)) + expected(tag: 0x08, Array(repeating: 0xFF, count: 8))
            #expect(encoder.bytes == want, "integer \(value) then a timestamp")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 8, 9, 12, 18, 19, 20, 38])
    func decimalsMatchTheirNormalizedText(scale: Int) throws {
        var encoder = RowEncoder()
        for unscaled in Self.integers + [500, -500, 12_300, 100_000_000, 120_000_000_000] {
            encoder.reset()
            try encoder.appendDecimal(unscaled: unscaled, scale: Int32(scale))
            encoder.appendInteger(7)
            let want =
                expected(tag: 0x02, Array(referenceDecimalText(unscaled: unscaled, scale: scale).utf8))
                + expected(tag: 0x02, Array("7".utf8))
            #expect(encoder.bytes == want, "decimal \(unscaled) scale \(scale)")
        }
    }

    @Test func textOfEveryLengthIsCopiedExactly() throws {
        var encoder = RowEncoder()
        let ascii = (0..<300).map { UInt8(0x20 + $0 % 95) }
        for length in 0...300 {
            let text = Array(ascii.prefix(length))
            encoder.reset()
            try text.withUnsafeBytes { try encoder.appendText(utf8: $0) }
            encoder.appendNull()
            #expect(
                encoder.bytes == expected(tag: 0x04, text) + expected(tag: 0x00, []),
                "ASCII text of \(length) bytes"
            )
        }
    }

    @Test func aNonASCIIByteAnywhereTakesTheUnicodePath() throws {
        var encoder = RowEncoder()
        for length in [1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 40, 257, 300] {
            for position in Set([0, length / 2, length - 1]) {
                // "e" + U+0301 (combining acute) normalizes to U+00E9; the rest stays ASCII.
                var text = Array(repeating: UInt8(ascii: "a"), count: length)
                text[position] = UInt8(ascii: "e")
                text.insert(contentsOf: [0xCC, 0x81], at: position + 1)
                var nfc = Array(repeating: UInt8(ascii: "a"), count: length)
                nfc.replaceSubrange(position...position, with: [0xC3, 0xA9])
                encoder.reset()
                try text.withUnsafeBytes { try encoder.appendText(utf8: $0) }
                #expect(encoder.bytes == expected(tag: 0x04, nfc), "length \(length), accent after offset \(position)")
            }
        }
    }

    @Test func invalidUTF8IsStillRejectedAfterTheOptimisticCopy() {
        var encoder = RowEncoder()
        for length in [1, 5, 8, 23] {
            var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
            bytes[length - 1] = 0xFF
            #expect(throws: CanonicalError.self, "length \(length)") {
                try bytes.withUnsafeBytes { try encoder.appendText(utf8: $0) }
            }
        }
    }
}
