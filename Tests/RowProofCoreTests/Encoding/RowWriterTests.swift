import RowProofCore
import Testing

/// The row writer against the value-by-value API: same bytes, same hash, same errors, and
/// copies of the encoder keep their own bytes.
@Suite struct RowWriterTests {
    private static let accented: [UInt8] = Array("cafe\u{301}".utf8)
    private static let long: [UInt8] = Array(repeating: UInt8(ascii: "z"), count: 10_000)

    /// Every kind of value, through `append` on a `RowWriter` or on a `RowEncoder`.
    private func everyKind(
        _ append: (CanonicalValue) throws -> Void,
        _ raw: (UnsafeRawBufferPointer, Int) throws -> Void
    ) throws {
        try append(.null)
        try append(.bool(true))
        try append(.decimal(CanonicalDecimal(integer: -9_223_372_036_854_775_807)))
        try append(.float(-0.0))
        try append(.text("plain"))
        try append(.date(days: -3))
        try append(.time(micros: 5))
        try append(.timestamp(micros: 1_700_000_000_000_000))
        try append(.interval(months: 1, days: 2, micros: 3))
        try append(.json(#"{"b":1,"a":[2,1]}"#))
        try append(.array([.decimal(CanonicalDecimal(integer: 1)), .null]))
        try Self.accented.withUnsafeBytes { try raw($0, 0) }
        try Self.long.withUnsafeBytes { try raw($0, 0) }
        try Self.long.withUnsafeBytes { try raw($0, 1) }
    }

    @Test func theWriterWritesWhatTheEncoderWrites() throws {
        var reference = RowEncoder(initialCapacity: 16)
        reference.reset()
        try everyKind({ try reference.append($0) }) { bytes, kind in
            if kind == 0 { try reference.appendText(utf8: bytes) } else { reference.appendBytes(bytes) }
        }
        try reference.appendDecimal(unscaled: 12_345, scale: 2)
        try reference.appendDecimal(unscaled: -5, scale: 3)
        try reference.appendDecimal(unscaled: 7, scale: 12)
        reference.appendInteger(1_000_000)
        reference.appendFloat(widening: 0.5)

        var encoder = RowEncoder(initialCapacity: 16)
        let hash = try encoder.encodeRow { row in
            try everyKind({ try row.append($0) }) { bytes, kind in
                if kind == 0 { try row.appendText(utf8: bytes) } else { row.appendBytes(bytes) }
            }
            try row.appendDecimal(unscaled: 12_345, scale: 2)
            try row.appendDecimal(unscaled: -5, scale: 3)
            try row.appendDecimal(unscaled: 7, scale: 12)
            row.appendInteger(1_000_000)
            row.appendFloat(widening: 0.5)
        }
        #expect(encoder.bytes == reference.bytes)
        #expect(hash == reference.finish())
        #expect(encoder.columnCount == reference.columnCount)
    }

    @Test func typedValuesThroughTheWriterMatchTheEncoder() throws {
        var reference = RowEncoder()
        reference.appendNull()
        reference.appendBool(false)
        reference.appendDate(days: 19_000)
        reference.appendTime(micros: 86_400_000_000)
        reference.appendTimestamp(micros: -1)
        reference.appendInterval(months: -1, days: 0, micros: 9)
        reference.appendFloat(.nan)
        reference.appendText("ﬁ and e\u{301}")
        let uuid = try UUIDBytes(parsing: "00112233-4455-6677-8899-aabbccddeeff")
        reference.appendUUID(uuid)
        try Array(#"[1, 2.50]"#.utf8).withUnsafeBytes { try reference.appendJSON(utf8: $0) }
        try reference.beginArray(count: 2)
        reference.appendInteger(3)
        reference.appendNull()

        var encoder = RowEncoder()
        let hash = try encoder.encodeRow { row in
            row.appendNull()
            row.appendBool(false)
            row.appendDate(days: 19_000)
            row.appendTime(micros: 86_400_000_000)
            row.appendTimestamp(micros: -1)
            row.appendInterval(months: -1, days: 0, micros: 9)
            row.appendFloat(.nan)
            row.appendText("ﬁ and e\u{301}")
            row.appendUUID(uuid)
            try Array(#"[1, 2.50]"#.utf8).withUnsafeBytes { json in try row.appendJSON(utf8: json) }
            try row.beginArray(count: 2)
            row.appendInteger(3)
            row.appendNull()
        }
        #expect(encoder.bytes == reference.bytes)
        #expect(hash == reference.finish())
        #expect(encoder.columnCount == 11 && reference.columnCount == 11)
    }

    @Test func errorsNameTheColumnLikeTheEncoder() {
        var encoder = RowEncoder(columnNames: ["id", "note"])
        do {
            _ = try encoder.encodeRow { row in
                row.appendInteger(1)
                try [UInt8]([0x61, 0xFF]).withUnsafeBytes { bytes in try row.appendText(utf8: bytes) }
            }
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as CanonicalError {
            #expect(error.code == .invalidUTF8)
            #expect(error.column == "note")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aCopyOfTheEncoderKeepsItsBytesWhileTheOriginalWritesOn() throws {
        var encoder = RowEncoder(initialCapacity: 64)
        _ = encoder.encodeRow { row in
            row.appendInteger(111)
            row.appendTimestamp(micros: 1)
        }
        let saved = encoder
        let savedBytes = saved.bytes
        _ = encoder.encodeRow { row in
            row.appendInteger(222)
            row.appendFloat(2)
        }
        var appended = encoder
        try encoder.withRowWriter { (row) throws(CanonicalError) in row.appendInteger(333) }
        appended.appendInteger(444)
        #expect(saved.bytes == savedBytes)
        #expect(encoder.bytes != appended.bytes)
        #expect(encoder.bytes.suffix(8) == [0x02, 0, 0, 0, 3, 0x33, 0x33, 0x33])
        #expect(appended.bytes.suffix(8) == [0x02, 0, 0, 0, 3, 0x34, 0x34, 0x34])
    }
}
