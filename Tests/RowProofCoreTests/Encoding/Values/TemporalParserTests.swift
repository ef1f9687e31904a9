import RowProofCore
import Testing

@Suite struct TemporalParserTests {
    @Test func dates() throws {
        #expect(try TemporalParser.parseDate("1970-01-01") == 0)
        #expect(try TemporalParser.parseDate("1969-12-31") == -1)
        #expect(try TemporalParser.parseDate("2000-03-01") == 11_017)
        #expect(try TemporalParser.parseDate("2024-02-29") == 19_782)
        #expect(try TemporalParser.parseDate("0001-01-01") == -719_162)
        #expect(try TemporalParser.parseDate("9999-12-31") == 2_932_896)
        #expect(try TemporalParser.parseDate("infinity") == .max)
        #expect(try TemporalParser.parseDate("-infinity") == .min)
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-01", "yesterday", "2024-01-01x", "",
    ])
    func invalidDates(text: String) {
        #expect(throws: CanonicalError.self) { try TemporalParser.parseDate(text) }
    }

    @Test func times() throws {
        #expect(try TemporalParser.parseTime("00:00:00") == 0)
        #expect(try TemporalParser.parseTime("24:00:00") == 86_400_000_000)
        #expect(try TemporalParser.parseTime("12:34:56.789") == 45_296_789_000)
        #expect(try TemporalParser.parseTime("12:34:56.1234569") == 45_296_123_456)
        #expect(try TemporalParser.parseTime("01:00:00+02:00") == 82_800_000_000)
        #expect(try TemporalParser.parseTime("23:30:00-01:00") == 1_800_000_000)
        #expect(try TemporalParser.parseTime("10:00:00Z") == 36_000_000_000)
    }

    @Test(arguments: [
        "24:00:01", "24:00:00.000001", "25:00:00", "12:60:00", "12:00:60", "12:00", "12:00:00.", "12:00:00+24:00",
    ])
    func invalidTimes(text: String) {
        #expect(throws: CanonicalError.self) { try TemporalParser.parseTime(text) }
    }

    @Test func timestamps() throws {
        #expect(try TemporalParser.parseTimestamp("1970-01-01T00:00:00Z") == 0)
        #expect(try TemporalParser.parseTimestamp("1970-01-01T00:00:00") == 0)
        #expect(try TemporalParser.parseTimestamp("1970-01-01 00:00:01") == 1_000_000)
        #expect(try TemporalParser.parseTimestamp("2024-01-15T10:30:00+05:30") == 1_705_294_800_000_000)
        #expect(try TemporalParser.parseTimestamp("2024-01-15T05:00:00Z") == 1_705_294_800_000_000)
        // Fraction digits beyond the sixth are floored, also before 1970.
        #expect(try TemporalParser.parseTimestamp("1969-12-31T23:59:59.9999999Z") == -1)
        #expect(
            try TemporalParser.parseTimestamp("1970-01-01T00:00:00", naiveOffsetMicros: 3_600_000_000) == -3_600_000_000
        )
        #expect(try TemporalParser.parseTimestamp("infinity") == .max)
        #expect(try TemporalParser.parseTimestamp("-infinity") == .min)
    }

    @Test func invalidTimestampNamesTheText() {
        do {
            _ = try TemporalParser.parseTimestamp("2024-04-31T00:00:00Z")
            Issue.record("April 31st was accepted")
        } catch {
            #expect(error.code == .invalidTemporal)
            #expect(error.description.contains("2024-04-31T00:00:00Z"))
        }
        #expect(throws: CanonicalError.self) { try TemporalParser.parseTimestamp("2024-01-15T24:00:00Z") }
        #expect(throws: CanonicalError.self) { try TemporalParser.parseTimestamp("2024-01-15") }
    }

    @Test func uuids() throws {
        let hyphenated = try UUIDBytes(parsing: "123E4567-e89b-12d3-a456-426614174000")
        let plain = try UUIDBytes(parsing: "123e4567e89b12d3a456426614174000")
        #expect(hyphenated == plain)
        #expect(plain.text == "123e4567-e89b-12d3-a456-426614174000")
        for bad in [
            "{123e4567-e89b-12d3-a456-426614174000}", "123e4567e-89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400g", "",
        ] {
            #expect(throws: CanonicalError.self) { try UUIDBytes(parsing: bad) }
        }
    }

    @Test func floatBits() throws {
        #expect(try FloatBits.parse("3ff0000000000000") == 1.0)
        #expect(FloatBits.hex(-2.5) == "c004000000000000")
        #expect(throws: CanonicalError.self) { try FloatBits.parse("+ff0000000000000") }
        #expect(throws: CanonicalError.self) { try FloatBits.parse("3ff") }
    }
}
