import RowProofCore
import Testing

@Suite struct MergeDifferTests {
    @Test func identicalStreamsMatchEveryRow() throws {
        let rows = try (1...5).map { try TestRows.row($0, "v\($0)") }
        let (summary, differences) = try MergeDiffer.run(rows, rows)
        #expect(differences.isEmpty)
        #expect(summary.matchedRows == 5)
        #expect(summary.sourceRows == 5 && summary.targetRows == 5)
        #expect(summary.isIdentical)
        #expect(summary.sourceDigest == ChunkDigest.of(rowHashes: rows.map(\.hash)))
        #expect(summary.sourceDigest == summary.targetDigest)
        #expect(summary.rowCountCheck.passed)
    }

    @Test func reportsMissingExtraAndChangedInKeyOrder() throws {
        let source = try [TestRows.row(1, "a"), TestRows.row(2, "b"), TestRows.row(3, "c"), TestRows.row(5, "e")]
        let target = try [TestRows.row(1, "a"), TestRows.row(3, "C"), TestRows.row(4, "d"), TestRows.row(5, "e")]
        let (summary, differences) = try MergeDiffer.run(source, target)
        #expect(differences.map(\.kind) == [.missing, .changed, .extra])
        #expect(differences.map(\.key) == [try TestRows.key(2), try TestRows.key(3), try TestRows.key(4)])
        #expect(summary.missingRows == 1 && summary.extraRows == 1 && summary.changedRows == 1)
        #expect(summary.matchedRows == 2)
        #expect(!summary.isIdentical)
        if case .missing(let row, let position) = differences[0] {
            #expect(row == source[1])
            #expect(position == 1)
        } else {
            Issue.record("expected a missing row first, got \(differences[0])")
        }
        guard case .changed(let changed) = differences[1] else {
            Issue.record("expected a changed row, got \(differences[1])")
            return
        }
        #expect(changed.sourcePosition == 2 && changed.targetPosition == 1)
        #expect(changed.sourceHash == source[2].hash && changed.targetHash == target[1].hash)
        let column = try #require(changed.columns.first)
        #expect(changed.columns.count == 1)
        #expect(column.index == 1 && column.name == "value")
        #expect(column.source == .text("c") && column.target == .text("C"))
        #expect(column.comparison.absoluteDifference == nil)
        #expect(summary.columnStatistics.map(\.mismatches) == [0, 1])
    }

    @Test func nullAndEmptyStringAreDifferentValues() throws {
        let (summary, differences) = try MergeDiffer.run([try TestRows.row(1, .null)], [try TestRows.row(1, "")])
        #expect(summary.changedRows == 1)
        guard case .changed(let changed) = try #require(differences.first) else {
            Issue.record("expected a changed row")
            return
        }
        #expect(changed.columns.map(\.source) == [.null])
        #expect(changed.columns.map(\.target) == [.text("")])
    }

    @Test func namesEveryChangedColumn() throws {
        let columns = ["id", "amount", "note", "flag"]
        let source = try TestRows.row([.decimal(.init(integer: 7)), TestRows.decimal("10.50"), .text("x"), .bool(true)])
        let target = try TestRows.row([.decimal(.init(integer: 7)), TestRows.decimal("10.5"), .text("y"), .bool(false)])
        let (summary, differences) = try MergeDiffer.run([source], [target], columns: columns)
        guard case .changed(let changed) = try #require(differences.first) else {
            Issue.record("expected a changed row")
            return
        }
        // 10.50 and 10.5 are the same decimal, so only note and flag differ.
        #expect(changed.columns.map(\.name) == ["note", "flag"])
        #expect(changed.columns.map(\.index) == [2, 3])
        #expect(changed.columns.map(\.target) == [.text("y"), .bool(false)])
        #expect(summary.columnStatistics.map(\.mismatches) == [0, 0, 1, 1])
    }

    @Test func compositeKeysFollowComponentOrder() throws {
        func row(_ a: Int64, _ b: String, _ v: String) throws -> CanonicalRow {
            try TestRows.row([.decimal(.init(integer: a)), .text(b), .text(v)], keyArity: 2)
        }
        // (1,'a') < (1,'ab') < (1,'b') < (2,'')
        let source = try [row(1, "a", "x"), row(1, "ab", "x"), row(2, "", "x")]
        let target = try [row(1, "a", "x"), row(1, "b", "x"), row(2, "", "y")]
        let (summary, differences) = try MergeDiffer.run(source, target, columns: ["a", "b", "v"])
        #expect(differences.map(\.kind) == [.missing, .extra, .changed])
        #expect(CanonicalRow.describeKey(differences[0].key) == "(1, 'ab')")
        #expect(CanonicalRow.describeKey(differences[1].key) == "(1, 'b')")
        #expect(summary.matchedRows == 1)
    }

    @Test func emptyStreams() throws {
        let rows = try [TestRows.row(1, "a"), TestRows.row(2, "b")]
        let (bothEmpty, none) = try MergeDiffer.run([], [])
        #expect(none.isEmpty && bothEmpty.isIdentical && bothEmpty.sourceRows == 0)
        #expect(bothEmpty.sourceDigest == ChunkDigest.empty)

        let (targetEmpty, missing) = try MergeDiffer.run(rows, [])
        #expect(missing.map(\.kind) == [.missing, .missing])
        #expect(targetEmpty.missingRows == 2 && !targetEmpty.rowCountCheck.passed)

        let (sourceEmpty, extra) = try MergeDiffer.run([], rows)
        #expect(extra.map(\.kind) == [.extra, .extra])
        #expect(sourceEmpty.extraRows == 2 && sourceEmpty.targetRows == 2)
    }

    @Test func sampleLimitCapsTheSummaryButNotTheSink() throws {
        let source = try (0..<10).map { try TestRows.row($0 * 2, "s") }
        let target = try (0..<10).map { try TestRows.row($0 * 2 + 1, "t") }
        let (summary, differences) = try MergeDiffer.run(source, target, sampleLimit: 3)
        #expect(differences.count == 20)
        #expect(summary.missingRows == 10 && summary.extraRows == 10)
        #expect(summary.samples(of: .missing).count == 3)
        #expect(summary.samples(of: .extra).count == 3)
        #expect(
            summary.samples(of: .missing).map(\.key)
                == Array(differences.filter { $0.kind == .missing }.prefix(3)).map(\.key)
        )
    }

    @Test func rejectsNegativeSampleLimit() {
        #expect(throws: CompareError.self) {
            try MergeDiffer(configuration: DiffConfiguration(columnNames: ["id"], sampleLimit: -1))
        }
    }
}
