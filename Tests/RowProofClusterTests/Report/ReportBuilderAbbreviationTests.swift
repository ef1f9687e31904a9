import Testing

@testable import RowProofCluster

/// Large values (multi-megabyte text or bytea) are shown abbreviated in reports, never whole.
@Suite struct ReportBuilderAbbreviationTests {
    static let limit = ReportBuilder.displayLimit

    @Test func shortValuesAreShownWhole() {
        #expect(ReportBuilder.abbreviated("'abc'") == "'abc'")
        let exact = String(repeating: "é", count: Self.limit)
        #expect(ReportBuilder.abbreviated(exact) == exact)
        #expect(ReportBuilder.abbreviated(source: "'a'", target: "'b'") == ("'a'", "'b'"))
    }

    @Test func longValuesKeepTheirStartAndTellTheirLength() {
        let text = "'" + String(repeating: "x", count: 5_000_000) + "'"
        let shown = ReportBuilder.abbreviated(text)
        #expect(shown == "'" + String(repeating: "x", count: Self.limit - 1) + "… [5000002 characters]")
    }

    @Test func changedLongValuesShowTheirFirstDifference() {
        let common = String(repeating: "abcdefgh", count: 100_000)
        let (source, target) = ReportBuilder.abbreviated(
            source: "'" + common + "X" + common + "'",
            target: "'" + common + "Y" + common + "'"
        )
        #expect(source.count < Self.limit + 40 && target.count < Self.limit + 40)
        #expect(source.hasPrefix("…") && target.hasPrefix("…"))
        #expect(source.contains("X") && target.contains("Y"))
        #expect(source.hasSuffix("… [1600003 characters]"))
    }

    @Test func aDifferenceAtTheEndOfALongValueIsShown() {
        let common = String(repeating: "q", count: 10_000)
        let (source, target) = ReportBuilder.abbreviated(source: "'" + common + "'", target: "'" + common + "z'")
        #expect(source.hasSuffix("q' [10002 characters]"))
        #expect(target.hasSuffix("qz' [10003 characters]"))
    }
}
