import RowProofCore
import Testing

@Suite struct MergeDifferToleranceTests {
    private let columns = ["id", "amount", "note"]

    private func row(_ id: Int64, _ amount: String, _ note: String = "n") throws -> CanonicalRow {
        try TestRows.row([.decimal(.init(integer: id)), TestRows.decimal(amount), .text(note)])
    }

    @Test func differencesWithinToleranceAreRecordedNotHidden() throws {
        let policy = TolerancePolicy(columns: [
            ColumnToleranceRule(column: GlobPattern("amount"), tolerance: ColumnTolerance(absolute: 0.01))
        ])
        let source = try [row(1, "10.00"), row(2, "20.00"), row(3, "30.00"), row(4, "40.00")]
        let target = try [row(1, "10.01"), row(2, "20.02"), row(3, "30.00", "other"), row(4, "40.00")]
        let (summary, differences) = try MergeDiffer.run(source, target, columns: columns, tolerance: policy)
        #expect(differences.map(\.kind) == [.withinTolerance, .changed, .changed])
        #expect(summary.withinToleranceRows == 1 && summary.changedRows == 2 && summary.matchedRows == 1)
        #expect(summary.samples(of: .withinTolerance).count == 1)
        #expect(summary.comparedRows == 4)
        #expect(!summary.isIdentical)
        let amount = summary.columnStatistics[1]
        #expect(amount.withinTolerance == 1 && amount.mismatches == 1)
        #expect(amount.maxAbsoluteDifference == 0.02)
        #expect(summary.columnStatistics[2].mismatches == 1)
        guard case .withinTolerance(let within) = differences[0] else {
            Issue.record("expected a within-tolerance row first")
            return
        }
        #expect(within.isWithinTolerance)
        #expect(within.columns.first?.comparison.absoluteDifference == 0.01)
    }

    @Test func rowWithOneColumnBeyondToleranceIsChanged() throws {
        let policy = TolerancePolicy(columns: [
            ColumnToleranceRule(column: GlobPattern("amount"), tolerance: ColumnTolerance(absolute: 1))
        ])
        let (summary, differences) = try MergeDiffer.run(
            [try row(1, "10")],
            [try row(1, "10.5", "changed")],
            columns: columns,
            tolerance: policy
        )
        #expect(summary.changedRows == 1 && summary.withinToleranceRows == 0)
        guard case .changed(let changed) = differences.first else {
            Issue.record("expected a changed row")
            return
        }
        #expect(changed.columns.map(\.comparison.isWithinTolerance) == [true, false])
    }

    @Test func summaryChecksUseThePolicy() throws {
        let policy = TolerancePolicy(rowCount: CountTolerance(absolute: 1), maxChangedRowRatio: 0.25)
        let source = try [row(1, "1"), row(2, "2"), row(3, "3"), row(4, "4")]
        let target = try [row(1, "1"), row(2, "9"), row(3, "3")]
        let (summary, _) = try MergeDiffer.run(source, target, columns: columns, tolerance: policy)
        #expect(summary.rowCountCheck.passed)
        #expect(summary.changedRatioCheck.observed == 1.0 / 3.0)
        #expect(!summary.changedRatioCheck.passed)
    }
}
