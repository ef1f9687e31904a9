import RowProofCore
import RowProofCrypto
import Testing

/// Hand-checked canonical bytes (`tag || u32 length || payload`).
@Suite struct RowEncoderTests {
    private func hex(_ build: (inout RowEncoder) throws -> Void) rethrows -> String {
        var encoder = RowEncoder()
        try build(&encoder)
        return Hex.encode(encoder.bytes)
    }

    @Test func nullEmptyTextZeroAndFalseDiffer() {
        #expect(hex { $0.appendNull() } == "0000000000")
        #expect(hex { $0.appendText("") } == "0400000000")
        #expect(hex { $0.appendInteger(0) } == "020000000130")
        #expect(hex { $0.appendBool(false) } == "010000000100")
        #expect(hex { $0.appendBool(true) } == "010000000101")
    }

    @Test func integersAndDecimalsShareTheDecimalText() throws {
        #expect(hex { $0.appendInteger(-42) } == "02000000032d3432")
        #expect(hex { $0.appendInteger(.min) } == "0200000014" + Hex.encode(Array("-9223372036854775808".utf8)))
        #expect(try hex { try $0.appendDecimal(unscaled: 500, scale: 2) } == "020000000135")
        #expect(
            try hex { try $0.appendDecimal(unscaled: 12_345, scale: 2) } == "0200000006"
                + Hex.encode(Array("123.45".utf8))
        )
        #expect(
            try hex { try $0.appendDecimal(unscaled: -5, scale: 3) } == "0200000006" + Hex.encode(Array("-0.005".utf8))
        )
        #expect(
            try hex { try $0.appendDecimal(unscaled: 7, scale: -3) } == "0200000004" + Hex.encode(Array("7000".utf8))
        )
        #expect(
            try hex { try $0.appendDecimal(unscaled: .min, scale: 19) }
                == hex { $0.appendDecimal(try! CanonicalDecimal(parsing: "-0.9223372036854775808")) }
        )
        #expect(throws: CanonicalError.self) { try hex { try $0.appendDecimal(unscaled: 1, scale: 39) } }
        #expect(
            hex { $0.appendDecimal(.special(.negativeInfinity)) } == "0200000009" + Hex.encode(Array("-Infinity".utf8))
        )
    }

    @Test func floatsMapNegativeZeroAndNaN() {
        #expect(hex { $0.appendFloat(-0.0) } == "03000000080000000000000000")
        #expect(hex { $0.appendFloat(-.nan) } == "03000000087ff8000000000000")
        #expect(hex { $0.appendFloat(Double(bitPattern: 0x7FF0_0000_0000_0001)) } == "03000000087ff8000000000000")
        #expect(hex { $0.appendFloat(-.infinity) } == "0300000008fff0000000000000")
        #expect(hex { $0.appendFloat(Double(Float(0.1))) } == "03000000083fb99999a0000000")
        #expect(hex { $0.appendFloat(widening: Float(0.1)) } == "03000000083fb99999a0000000")
        #expect(hex { $0.appendFloat(widening: -Float.nan) } == "03000000087ff8000000000000")
    }

    @Test func fixedWidthTypes() {
        #expect(hex { $0.appendDate(days: -1) } == "0600000004ffffffff")
        #expect(hex { $0.appendTime(micros: 86_400_000_000) } == "0700000008000000141dd76000")
        #expect(hex { $0.appendTimestamp(micros: .min) } == "08000000088000000000000000")
        #expect(
            hex { $0.appendInterval(months: 1, days: -30, micros: 5) } == "090000001000000001ffffffe20000000000000005"
        )
        let uuid = try! UUIDBytes(parsing: "00112233-4455-6677-8899-aabbccddeeff")
        #expect(hex { $0.appendUUID(uuid) } == "0a0000001000112233445566778899aabbccddeeff")
        #expect(
            hex { encoder in ([0, 255] as [UInt8]).withUnsafeBytes { encoder.appendBytes($0) } } == "050000000200ff"
        )
    }

    @Test func arraysCountOneColumnAndRejectNesting() throws {
        var encoder = RowEncoder()
        try encoder.beginArray(count: 2)
        #expect(encoder.columnCount == 0)
        encoder.appendInteger(1)
        do {
            try encoder.beginArray(count: 1)
            Issue.record("a nested array was accepted")
        } catch {
            #expect(error.code == .unsupportedType)
        }
        encoder.appendNull()
        #expect(encoder.columnCount == 1)
        #expect(Hex.encode(encoder.bytes) == "0c0000000f" + "00000002" + "020000000131" + "0000000000")
        try encoder.beginArray(count: 0)
        #expect(encoder.columnCount == 2)
        #expect(Hex.encode(encoder.bytes).hasSuffix("0c0000000400000000"))
        #expect(
            try RowEncoder.canonicalBytes(of: [.array([.decimal(.init(integer: 1)), .null]), .array([])])
                == encoder.bytes
        )
        #expect(throws: CanonicalError.self) { try RowEncoder.canonicalBytes(of: [.array([.array([])])]) }
    }

    @Test func invalidUTF8NamesColumnByteAndOffset() {
        var encoder = RowEncoder(columnNames: ["id", "note"])
        encoder.appendInteger(1)
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0x65, 0xC3]
        do {
            try bytes.withUnsafeBytes { try encoder.appendText(utf8: $0) }
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as CanonicalError {
            #expect(error.code == .invalidUTF8)
            #expect(error.column == "note")
            #expect(
                error.description.hasPrefix(
                    "INVALID_UTF8 in column \"note\": byte 0xC3 at offset 4 starts an incomplete sequence"
                )
            )
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(
        arguments: [
            ([0x80], "byte 0x80 at offset 0 is a continuation byte"),
            ([0x61, 0xC0, 0xAF], "byte 0xC0 at offset 1 never appears"),
            ([0xE0, 0x80, 0xAF], "overlong"),
            ([0xED, 0xA0, 0x80], "surrogate"),
            ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
            ([0xE2, 0x82], "incomplete"),
            ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xFF], "byte 0xFF at offset 8"),
        ] as [([UInt8], String)]
    )
    func invalidUTF8Forms(bytes: [UInt8], message: String) {
        var encoder = RowEncoder()
        do {
            try bytes.withUnsafeBytes { try encoder.appendText(utf8: $0) }
            Issue.record("\(bytes) was accepted")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func textIsNormalizedToNFC() throws {
        let nfd = "e\u{301}t\u{301}e\u{301}"
        #expect(hex { $0.appendText(nfd) } == hex { $0.appendText("\u{E9}t\u{301}\u{E9}") })
        #expect(hex { $0.appendText(nfd) } == "0400000007" + Hex.encode(Array("\u{E9}t\u{301}\u{E9}".utf8)))
        // Below U+0300 text is copied as is.
        let latin: [UInt8] = Array("Grüße".utf8)
        #expect(
            try hex { enc in try latin.withUnsafeBytes { try enc.appendText(utf8: $0) } } == "0400000007"
                + Hex.encode(latin)
        )
    }

    @Test func resetReusesTheEncoderAndFinishHashesTheBytes() throws {
        var encoder = RowEncoder(initialCapacity: 8)
        encoder.appendText(String(repeating: "x", count: 1000))
        let long = encoder.finish()
        encoder.reset()
        #expect(encoder.byteCount == 0 && encoder.columnCount == 0)
        encoder.appendInteger(5)
        try encoder.appendDecimal(unscaled: 500, scale: 2)
        #expect(encoder.finish() == XXH64.hash(encoder.bytes))
        #expect(encoder.withBytes { $0.count } == 12)
        #expect(encoder.finish() != long)
        #expect(
            try RowEncoder.rowHash(of: [.decimal(.init(integer: 5)), .decimal(.init(unscaled: 5, scale: 0))])
                == encoder.finish()
        )
    }
}
