import RowProofCore
import RowProofCrypto
import Testing

@Suite struct KeyEncoderTests {
    private func key(_ values: [CanonicalValue]) throws -> [UInt8] {
        try KeyEncoder.encode(values, expectedArity: values.count)
    }

    @Test func memcmpOrderIsIntegerOrder() throws {
        let numbers: [Int64] = [.min, -1_000_000, -256, -1, 0, 1, 255, 256, 65_536, .max - 1, .max]
        let keys = try numbers.shuffled().map { try key([.decimal(.init(integer: $0))]) }
        let decoded = try keys.sorted { $0.lexicographicallyPrecedes($1) }.map { try KeyDecoder.decode($0) }
        #expect(decoded == numbers.map { [.decimal(.init(integer: $0))] })
        #expect(Hex.encode(try key([.decimal(.init(integer: -1))])) == "027fffffffffffffff")
    }

    @Test func textSortsAsCollateCWithEscapedNul() throws {
        let texts = ["", "a", "a\u{0}", "a\u{0}b", "a\u{1}", "ab", "b", "Z\u{E9}", "\u{E9}", "\u{FFFF}", "\u{1F600}"]
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let keys = try texts.reversed().map { try key([.text($0)]) }
        let order = try keys.sorted { $0.lexicographicallyPrecedes($1) }.map { try KeyDecoder.decode($0) }
        #expect(order == texts.map { [.text($0)] })
        #expect(Hex.encode(try key([.text("a\u{0}b")])) == "046100ff620000")
    }

    @Test func compositeKeysOrderLexicographically() throws {
        let a = try key([.decimal(.init(integer: 1)), .text("zz")])
        let b = try key([.decimal(.init(integer: 2)), .text("a")])
        let c = try key([.decimal(.init(integer: 2)), .text("ab")])
        #expect(a.lexicographicallyPrecedes(b) && b.lexicographicallyPrecedes(c))
        #expect(try KeyDecoder.decode(c) == [.decimal(.init(integer: 2)), .text("ab")])
    }

    @Test func keysAreNotNormalized() throws {
        #expect(try key([.text("e\u{301}")]) != key([.text("\u{E9}")]))
    }

    @Test func badKeysFailWithTheSpecCodes() throws {
        func code(_ body: () throws -> Void) -> CanonicalError.Code? {
            do { try body(); return nil } catch let error as CanonicalError { return error.code } catch { return nil }
        }
        #expect(code { _ = try KeyEncoder.encode([.decimal(.init(integer: 1)), .null], expectedArity: 2) } == .nullKey)
        #expect(code { _ = try KeyEncoder.encode([.decimal(.init(integer: 1))], expectedArity: 2) } == .keyArity)
        #expect(code { _ = try KeyEncoder.encode([.float(1)], expectedArity: 1) } == .unsupportedKeyType)
        #expect(
            code { _ = try KeyEncoder.encode([.decimal(try CanonicalDecimal(parsing: "1.5"))], expectedArity: 1) }
                == .unsupportedKeyType
        )
        #expect(
            code {
                _ = try KeyEncoder.encode(
                    [.decimal(try CanonicalDecimal(parsing: "9223372036854775808"))],
                    expectedArity: 1
                )
            } == .unsupportedKeyType
        )
        var encoder = KeyEncoder(columnNames: ["tenant", "name"])
        encoder.appendInteger(7)
        do {
            try ([0x61, 0xFF] as [UInt8]).withUnsafeBytes { try encoder.appendText(utf8: $0) }
            Issue.record("invalid UTF-8 key was accepted")
        } catch let error as CanonicalError {
            #expect(error.code == .invalidUTF8)
            #expect(error.description.hasPrefix("INVALID_UTF8 in column \"name\": byte 0xFF at offset 1"))
        }
    }

    @Test func perComponentAPIMatchesMaterializedValues() throws {
        var encoder = KeyEncoder()
        try encoder.appendDecimal(unscaled: 500, scale: 2)
        #expect(encoder.bytes == (try key([.decimal(.init(integer: 5))])))
        #expect(encoder.componentCount == 1)
        #expect(encoder.sampleValue == Sampler.sampleValue(key: encoder.bytes))
        do {
            try encoder.appendDecimal(unscaled: 15, scale: 1)
            Issue.record("1.5 was accepted as a key")
        } catch {
            #expect(error.code == .unsupportedKeyType)
        }
        do {
            try encoder.appendNull()
            Issue.record("NULL was accepted as a key")
        } catch {
            #expect(error.code == .nullKey)
            #expect(error.detail.contains("key component 2"), "\(error)")
        }
    }

    @Test func fixedWidthComponentsFlipTheSignBit() throws {
        #expect(Hex.encode(try key([.date(days: -1)])) == "067fffffff")
        #expect(Hex.encode(try key([.time(micros: 1)])) == "078000000000000001")
        #expect(Hex.encode(try key([.timestamp(micros: .min)])) == "080000000000000000")
        #expect(Hex.encode(try key([.bool(true)])) == "0101")
        #expect(Hex.encode(try key([.bytes([0, 1])])) == "0500ff010000")
        let uuid = try UUIDBytes(parsing: "00112233445566778899aabbccddeeff")
        #expect(Hex.encode(try key([.uuid(uuid)])) == "0a00112233445566778899aabbccddeeff")
    }

    @Test func describeKeyKeepsWhatItCannotDecode() throws {
        let good = try key([.decimal(.init(integer: 3))])
        #expect(KeyDecoder.describeKey(good + [0x04, 0x61]) == [.decimal(.init(integer: 3)), .bytes([0x04, 0x61])])
        #expect(throws: CanonicalError.self) { try KeyDecoder.decode([0x99]) }
    }
}
