import Foundation
import RowProofCore
import Testing

@Suite struct SeverityTests {
    @Test func severitiesAreOrderedAndEncodedLowercase() throws {
        #expect(Severity.allCases.sorted() == [.info, .warning, .error, .critical])
        #expect(Severity.info < .warning && Severity.error < .critical && !(Severity.critical < .error))
        let json = String(decoding: try JSONEncoder().encode([Severity.critical, .info]), as: UTF8.self)
        #expect(json == #"["critical","info"]"#)
        #expect(try JSONDecoder().decode(Severity.self, from: Data(#""warning""#.utf8)) == .warning)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Severity.self, from: Data(#""Warning""#.utf8)) }
    }

    @Test(arguments: [
        (DifferenceKind.missing, Severity.critical), (.extra, .critical), (.duplicateKey, .critical),
        (.count, .critical),
        (.changed, .error), (.aggregate, .error), (.withinTolerance, .info),
    ])
    func defaultsApplyWhenNoRuleMatches(kind: DifferenceKind, expected: Severity) {
        #expect(SeverityClassifier().severity(of: kind, table: "t", column: "c") == expected)
    }

    @Test func firstMatchingRuleWins() {
        let classifier = SeverityClassifier(rules: [
            SeverityRule(kind: .changed, table: GlobPattern("staging.*"), severity: .info),
            SeverityRule(kind: .changed, column: GlobPattern("updated_at"), severity: .warning),
            SeverityRule(kind: .changed, column: GlobPattern("*_at"), severity: .critical),
            SeverityRule(kind: .missing, table: GlobPattern("public.audit_log"), severity: .warning),
        ])
        #expect(classifier.severity(of: .changed, table: "staging.orders", column: "updated_at") == .info)
        #expect(classifier.severity(of: .changed, table: "public.orders", column: "updated_at") == .warning)
        #expect(classifier.severity(of: .changed, table: "public.orders", column: "created_at") == .critical)
        #expect(classifier.severity(of: .changed, table: "public.orders", column: "amount") == .error)
        // A column rule never matches a finding without a column.
        #expect(classifier.severity(of: .changed, table: "public.orders") == .error)
        #expect(classifier.severity(of: .missing, table: "public.audit_log") == .warning)
        #expect(classifier.severity(of: .missing, table: "public.orders") == .critical)
        // A table rule never matches when the table is unknown.
        #expect(classifier.severity(of: .missing) == .critical)
    }

    @Test func verdictComparesTheHighestSeverityWithTheThreshold() {
        #expect(Verdict(highest: nil) == .pass)
        #expect(Verdict(highest: .warning) == .pass)
        #expect(Verdict(highest: .error) == .fail)
        #expect(Verdict(highest: .critical) == .fail)
        #expect(Verdict(highest: .warning, failThreshold: .warning) == .fail)
        #expect(Verdict(highest: .error, failThreshold: .critical) == .pass)
    }

    @Test func rulesRoundTripThroughJSON() throws {
        let classifier = SeverityClassifier(
            rules: [SeverityRule(kind: .withinTolerance, column: GlobPattern("amount"), severity: .warning)],
            failThreshold: .critical
        )
        let json = String(decoding: try JSONEncoder().encode(classifier.rules), as: UTF8.self)
        #expect(json.contains(#""kind":"withinTolerance""#) && json.contains(#""column":"amount""#))
        #expect(try JSONDecoder().decode(SeverityClassifier.self, from: JSONEncoder().encode(classifier)) == classifier)
    }

    @Test func assessesADiffSummary() throws {
        let policy = TolerancePolicy(columns: [
            ColumnToleranceRule(column: GlobPattern("value"), tolerance: ColumnTolerance(absolute: 0.5))
        ])
        let source = try [TestRows.row(1, .float(1)), TestRows.row(2, .float(2)), TestRows.row(3, .float(3))]
        let target = try [TestRows.row(1, .float(1.25)), TestRows.row(2, .float(2))]
        let (summary, _) = try MergeDiffer.run(source, target, tolerance: policy)

        let strict = SeverityClassifier().assess(summary, table: "public.t")
        #expect(strict.verdict == .fail)
        #expect(strict.highestSeverity == .critical)
        #expect(strict.findings.map(\.kind) == [.missing, .count, .withinTolerance])
        #expect(
            strict.findings.last == SeverityFinding(kind: .withinTolerance, column: "value", count: 1, severity: .info)
        )

        let lenient = SeverityClassifier(rules: [
            SeverityRule(kind: .missing, table: GlobPattern("public.*"), severity: .warning),
            SeverityRule(kind: .count, severity: .warning),
        ])
        let assessment = lenient.assess(summary, table: "public.t")
        #expect(assessment.verdict == .pass)
        #expect(assessment.highestSeverity == .warning)

        let (clean, _) = try MergeDiffer.run(target, target)
        #expect(SeverityClassifier().assess(clean).findings.isEmpty)
        #expect(SeverityClassifier().assess(clean).verdict == .pass)
    }

    @Test func changedRatioBeyondItsLimitFailsEvenWhenChangesAreDowngraded() throws {
        let policy = TolerancePolicy(maxChangedRowRatio: 0.1)
        let (summary, _) = try MergeDiffer.run(
            [try TestRows.row(1, "a"), try TestRows.row(2, "b")],
            [try TestRows.row(1, "a"), try TestRows.row(2, "B")],
            tolerance: policy
        )
        let classifier = SeverityClassifier(rules: [SeverityRule(kind: .changed, severity: .info)])
        let assessment = classifier.assess(summary)
        #expect(assessment.verdict == .fail)
        #expect(assessment.findings.first == SeverityFinding(kind: .changed, count: 1, severity: .error))
    }
}
