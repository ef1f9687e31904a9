import RowProofCore
import Testing

@Suite struct MergeDifferDuplicateTests {
    @Test func duplicatesOnBothSidesAreReportedNeverMerged() throws {
        let source = try [TestRows.row(1, "a"), TestRows.row(2, "b"), TestRows.row(2, "b"), TestRows.row(3, "c")]
        let target = try [TestRows.row(1, "a"), TestRows.row(2, "b"), TestRows.row(3, "c"), TestRows.row(3, "z")]
        let (summary, differences) = try MergeDiffer.run(source, target)
        let duplicates = differences.compactMap { difference -> DuplicateKeyRow? in
            if case .duplicateKey(let row) = difference { return row }
            return nil
        }
        #expect(duplicates.map(\.side) == [.source, .target])
        #expect(duplicates.map(\.position) == [2, 3])
        #expect(duplicates.map(\.firstPosition) == [1, 2])
        #expect(duplicates[1].hash == target[3].hash)
        #expect(summary.sourceDuplicateRows == 1 && summary.targetDuplicateRows == 1)
        #expect(summary.count(of: .duplicateKey) == 2)
        #expect(summary.matchedRows == 3)
        #expect(summary.changedRows == 0)
        #expect(summary.sourceRows == 4 && summary.targetRows == 4)
        #expect(!summary.isIdentical)
    }

    @Test func duplicatesAtStreamStartAndEnd() throws {
        let source = try [TestRows.row(1, "a"), TestRows.row(1, "a"), TestRows.row(1, "x"), TestRows.row(9, "z")]
        let target = try [TestRows.row(5, "m"), TestRows.row(9, "z"), TestRows.row(9, "z")]
        let (summary, differences) = try MergeDiffer.run(source, target)
        #expect(differences.map(\.kind) == [.missing, .duplicateKey, .duplicateKey, .extra, .duplicateKey])
        #expect(summary.sourceDuplicateRows == 2 && summary.targetDuplicateRows == 1)
        #expect(summary.missingRows == 1 && summary.extraRows == 1 && summary.matchedRows == 1)
        // The target's last row is a duplicate, so it is the last difference delivered.
        if case .duplicateKey(let row) = differences.last {
            #expect(row.side == .target && row.position == 2)
        } else {
            Issue.record("expected the target's trailing duplicate last")
        }
    }

    @Test func duplicateOnlyRowsStillCountInTheDigest() throws {
        let source = try [TestRows.row(1, "a"), TestRows.row(1, "a")]
        let (summary, _) = try MergeDiffer.run(source, [try TestRows.row(1, "a")])
        #expect(summary.sourceDigest == ChunkDigest.of(rowHashes: source.map(\.hash)))
        #expect(summary.sourceDigest.count == 2)
    }
}
