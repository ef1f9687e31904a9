import RowProofCore
import Testing

@Suite struct JSONCanonicalizerTests {
    @Test(arguments: [
        ("1", "1"), ("-0", "0"), ("0.0", "0"), ("1.0", "1"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ("123456789012345678901", "123456789012345680000"), ("0.000001", "0.000001"), ("1e-7", "1e-7"),
        ("1.5e-7", "1.5e-7"), ("-1.25e+30", "-1.25e+30"), ("5e-324", "5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"), ("9007199254740993", "9007199254740992"),
        ("0.1", "0.1"), ("1e-400", "0"), ("333333333.33333329", "333333333.3333333"), ("1E+23", "1e+23"),
        ("4.35", "4.35"), ("0.3", "0.3"), ("295147905179352830000", "295147905179352830000"),
    ])
    func numbersFollowECMAScript(input: String, expected: String) throws {
        #expect(try JSONCanonicalizer.canonicalize(input) == expected)
    }

    @Test func objectsSortByUTF16AndLastDuplicateWins() throws {
        #expect(
            try JSONCanonicalizer.canonicalize(#"{ "b": 1, "a": [true, false, null], "a": {"y": 2, "x": 1} }"#)
                == #"{"a":{"x":1,"y":2},"b":1}"#
        )
        // U+E000 sorts after U+1F600 by code point but before it as UTF-16 (0xD83D).
        #expect(
            try JSONCanonicalizer.canonicalize("{\"\u{E000}\":1,\"\u{1F600}\":2}") == "{\"\u{1F600}\":2,\"\u{E000}\":1}"
        )
    }

    @Test func stringsUseMinimalEscapesAndStayUnnormalized() throws {
        #expect(
            try JSONCanonicalizer.canonicalize(#""\u0041\/\b\f\n\r\t\u001f\u007f\"\\""#)
                == "\"A/\\b\\f\\n\\r\\t\\u001f\u{7F}\\\"\\\\\""
        )
        #expect(try JSONCanonicalizer.canonicalize(#""\ud83d\ude00 e\u0301""#) == "\"\u{1F600} e\u{301}\"")
    }

    @Test(
        arguments: [
            ("", 0), ("{\"a\": 1", 7), ("[1, 2,]", 6), ("{'a': 1}", 1), ("[NaN]", 1), ("1e400", 0), ("01", 0),
            ("{\"a\" 1}", 5), ("\"\\ud800\"", 1), ("\"a\u{1}\"", 2), ("[1] [2]", 4), ("tru", 0), ("-", 0),
        ] as [(String, Int)]
    )
    func invalidJSONNamesTheOffset(input: String, offset: Int) {
        do {
            _ = try JSONCanonicalizer.canonicalize(input)
            Issue.record("\(input) was accepted")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.detail.contains("(at offset \(offset))"), "\(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: CanonicalError.self) { try JSONCanonicalizer.canonicalize(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONCanonicalizer.canonicalize(fine)) == fine)
    }

    @Test func encoderWritesTheCanonicalForm() throws {
        var encoder = RowEncoder(columnNames: ["doc"])
        try encoder.appendJSON(#" {"b":2,"a":1} "#)
        #expect(try CanonicalValue.decodeRow(encoder.bytes) == [.json(#"{"a":1,"b":2}"#)])
        encoder.reset()
        do {
            try encoder.appendJSON("{")
            Issue.record("broken JSON was accepted")
        } catch {
            #expect(
                error.description.hasPrefix("INVALID_JSON in column \"doc\": unexpected end of the text"),
                "\(error)"
            )
        }
    }
}
