import RowProofCore
import Testing

@Suite struct CanonicalValueDecodingTests {
    @Test func decodingInvertsTheEncoding() throws {
        let row: [CanonicalValue] = [
            .null, .bool(true), .decimal(try CanonicalDecimal(parsing: "-0.005")), .float(2.5), .text("h\u{E9}"),
            .bytes([0, 1, 2]), .date(days: -5), .time(micros: 1), .timestamp(micros: .max),
            .interval(months: 1, days: 2, micros: 3), .uuid(try UUIDBytes(parsing: "00112233445566778899aabbccddeeff")),
            .json(#"{"a":[1,"x"]}"#), .array([.null, .text("a")]),
        ]
        let bytes = try RowEncoder.canonicalBytes(of: row)
        #expect(try CanonicalValue.decodeRow(bytes) == row)
    }

    @Test func textComesBackNFCAndJSONCanonical() throws {
        let bytes = try RowEncoder.canonicalBytes(of: [.text("e\u{301}"), .json(#"{ "b" : 1.0, "a" : 2 }"#)])
        #expect(try CanonicalValue.decodeRow(bytes) == [.text("\u{E9}"), .json(#"{"a":2,"b":1}"#)])
        #expect(
            try CanonicalValue.decode(tag: 0x02, payload: Array("12.5".utf8))
                == .decimal(try CanonicalDecimal(parsing: "12.5"))
        )
    }

    @Test(
        arguments: [
            [0x02, 0, 0, 0], [0x0D, 0, 0, 0, 0], [0x01, 0, 0, 0, 1, 7], [0x03, 0, 0, 0, 2, 0, 0],
            [0x04, 0, 0, 0, 9, 0x61],
        ] as [[UInt8]]
    )
    func malformedBytesAreReported(bytes: [UInt8]) {
        do {
            _ = try CanonicalValue.decodeRow(bytes)
            Issue.record("\(bytes) decoded")
        } catch {
            #expect(error.code == .malformedEncoding)
            #expect(error.detail.contains("value 1"), "\(error)")
        }
    }
}
