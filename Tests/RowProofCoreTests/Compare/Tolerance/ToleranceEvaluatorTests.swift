import RowProofCore
import Testing

@Suite struct ToleranceEvaluatorTests {
    private func compare(_ a: String, _ b: String, _ tolerance: ColumnTolerance) throws -> ColumnComparison {
        ToleranceEvaluator.compare(try TestRows.decimal(a), try TestRows.decimal(b), tolerance: tolerance)
    }

    @Test(arguments: [
        ("1.0", "1.1", 0.1, true),  // exactly at the edge; binary doubles would say 0.10000000000000009
        ("1.0", "1.11", 0.1, false),
        ("100.00", "100.05", 0.05, true),
        ("100.00", "100.051", 0.05, false),
        ("0.3", "0", 0.3, true),
        ("-5", "5", 10, true),
        ("-5", "5.0000000001", 10, false),
    ])
    func absoluteToleranceOnDecimalsIsExactAtTheEdge(a: String, b: String, absolute: Double, within: Bool) throws {
        let comparison = try compare(a, b, ColumnTolerance(absolute: absolute))
        #expect(comparison.isWithinTolerance == within)
        #expect(comparison.absoluteDifference != nil)
    }

    @Test(arguments: [
        ("99", "100", 0.01, true),  // 1 <= 1% of 100
        ("98.9", "100", 0.01, false),
        ("-200", "-198", 0.01, true),
        ("0", "0.0001", 0.5, false),  // 0.0001 > 0.5 × 0.0001
    ])
    func relativeToleranceUsesTheLargerMagnitude(a: String, b: String, relative: Double, within: Bool) throws {
        #expect(try compare(a, b, ColumnTolerance(relative: relative)).isWithinTolerance == within)
    }

    @Test func eitherBoundIsEnough() throws {
        let tolerance = ColumnTolerance(absolute: 0.5, relative: 0.01)
        #expect(try compare("1000", "1009", tolerance).isWithinTolerance)  // relative: 9 <= 10.09
        #expect(try compare("1", "1.4", tolerance).isWithinTolerance)  // absolute
        #expect(try !compare("10", "10.6", tolerance).isWithinTolerance)
    }

    @Test func floatsTimestampsAndNonNumericValues() {
        let abs = ColumnTolerance(absolute: 0.25)
        #expect(ToleranceEvaluator.compare(.float(1.0), .float(1.25), tolerance: abs).isWithinTolerance)
        #expect(!ToleranceEvaluator.compare(.float(1.0), .float(1.2500001), tolerance: abs).isWithinTolerance)
        #expect(!ToleranceEvaluator.compare(.float(.nan), .float(1), tolerance: abs).isWithinTolerance)
        #expect(ToleranceEvaluator.compare(.float(.nan), .float(1), tolerance: abs).absoluteDifference == nil)
        let seconds = ColumnTolerance(absolute: 1)
        #expect(
            ToleranceEvaluator.compare(.timestamp(micros: 0), .timestamp(micros: 1_000_000), tolerance: seconds)
                .isWithinTolerance
        )
        let late = ToleranceEvaluator.compare(.timestamp(micros: 0), .timestamp(micros: 1_000_001), tolerance: seconds)
        #expect(!late.isWithinTolerance && late.absoluteDifference == 1.000001)
        #expect(
            !ToleranceEvaluator.compare(.text("a"), .text("b"), tolerance: ColumnTolerance(absolute: 100))
                .isWithinTolerance
        )
        #expect(
            !ToleranceEvaluator.compare(.null, .float(0), tolerance: ColumnTolerance(absolute: 100)).isWithinTolerance
        )
        #expect(!ToleranceEvaluator.compare(.float(1), .float(1.1), tolerance: .exact).isWithinTolerance)
    }

    @Test func firstMatchingColumnRuleWins() throws {
        let policy = TolerancePolicy(columns: [
            ColumnToleranceRule(column: GlobPattern("price_eur"), tolerance: ColumnTolerance(absolute: 0.5)),
            ColumnToleranceRule(column: GlobPattern("price_*"), tolerance: ColumnTolerance(absolute: 0.01)),
        ])
        #expect(policy.tolerance(forColumn: "price_eur") == ColumnTolerance(absolute: 0.5))
        #expect(policy.tolerance(forColumn: "price_usd") == ColumnTolerance(absolute: 0.01))
        #expect(policy.tolerance(forColumn: "quantity") == .exact)
        var evaluator = try ToleranceEvaluator(policy: policy, columnNames: ["id", "price_eur", "price_usd"])
        #expect(evaluator.evaluate(column: 1, source: .float(1), target: .float(1.4)).isWithinTolerance)
        #expect(!evaluator.evaluate(column: 2, source: .float(1), target: .float(1.4)).isWithinTolerance)
        #expect(evaluator.evaluate(column: 1, source: .float(1), target: .float(1.25)).isWithinTolerance)
        #expect(evaluator.statistics[1].withinTolerance == 2 && evaluator.statistics[1].mismatches == 0)
        #expect(evaluator.statistics[1].maxAbsoluteDifference == 1.4 - 1)
        #expect(evaluator.statistics[2].mismatches == 1)
        #expect(evaluator.statistics[0] == ColumnMismatchStatistics(column: "id"))
    }

    @Test func rowCountCheck() throws {
        let exact = try ToleranceEvaluator(policy: .exact, columnNames: [])
        #expect(exact.rowCountCheck(sourceRows: 10, targetRows: 10).passed)
        #expect(!exact.rowCountCheck(sourceRows: 10, targetRows: 11).passed)
        let loose = try ToleranceEvaluator(
            policy: TolerancePolicy(rowCount: CountTolerance(absolute: 2, relative: 0.01)),
            columnNames: []
        )
        #expect(loose.rowCountCheck(sourceRows: 100, targetRows: 102).passed)
        #expect(!loose.rowCountCheck(sourceRows: 100, targetRows: 103).passed)
        #expect(loose.rowCountCheck(sourceRows: 1_000, targetRows: 990).passed)
        let check = loose.rowCountCheck(sourceRows: 1_000, targetRows: 989)
        #expect(!check.passed && check.observed == 11 && check.allowed == 10)
        #expect(check.detail.contains("source has 1000 rows, target 989"))
    }

    @Test func changedRatioCheck() throws {
        let none = try ToleranceEvaluator(policy: .exact, columnNames: [])
        #expect(none.changedRatioCheck(changedRows: 50, comparedRows: 100).passed)
        let capped = try ToleranceEvaluator(policy: TolerancePolicy(maxChangedRowRatio: 0.01), columnNames: [])
        #expect(capped.changedRatioCheck(changedRows: 1, comparedRows: 100).passed)
        #expect(!capped.changedRatioCheck(changedRows: 2, comparedRows: 100).passed)
        #expect(capped.changedRatioCheck(changedRows: 0, comparedRows: 0).passed)
    }

    @Test func invalidPoliciesAreRejected() {
        let bad: [TolerancePolicy] = [
            TolerancePolicy(columns: [
                ColumnToleranceRule(column: GlobPattern("a"), tolerance: ColumnTolerance(absolute: -1))
            ]),
            TolerancePolicy(columns: [
                ColumnToleranceRule(column: GlobPattern("a"), tolerance: ColumnTolerance(relative: .nan))
            ]),
            TolerancePolicy(rowCount: CountTolerance(absolute: -3)),
            TolerancePolicy(maxChangedRowRatio: 1.5),
        ]
        for policy in bad {
            #expect(throws: CompareError.self) { try ToleranceEvaluator(policy: policy, columnNames: ["a"]) }
        }
    }

    @Test(arguments: [
        ("amount", "amount", true), ("amount", "amounts", false), ("amt_*", "amt_", true), ("amt_*", "amt_eur", true),
        ("*_eur", "price_eur", true), ("*_eur", "price_usd", false), ("a?c", "abc", true), ("a?c", "ac", false),
        ("*", "", true), ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("public.*", "public.orders", true),
    ])
    func globPatterns(pattern: String, name: String, matches: Bool) {
        #expect(GlobPattern(pattern).matches(name) == matches)
    }
}
