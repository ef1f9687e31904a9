import RowProofCore
import Testing

@Suite struct MultisetComparisonTests {
    @Test func sameRowsInAnyOrderMatch() throws {
        let rows = try (1...6).map { try TestRows.row($0, "v") }
        var source = ArrayRowStream(rows)
        var target = ArrayRowStream(rows.reversed())
        let comparison = try MultisetComparison.compare(source: &source, target: &target)
        #expect(comparison.digestsMatch)
        #expect(comparison.sourceOnlyHashes == [] && comparison.targetOnlyHashes == [])
        #expect(comparison.source.count == 6)
    }

    @Test func namesTheDifferingHashesWithMultiplicity() throws {
        let a = try TestRows.row(1, "a")
        let b = try TestRows.row(2, "b")
        let c = try TestRows.row(3, "c")
        var source = ArrayRowStream([a, b, b, c])
        var target = ArrayRowStream([c, b, a, a])
        let comparison = try MultisetComparison.compare(source: &source, target: &target)
        #expect(!comparison.digestsMatch)
        #expect(comparison.source.count == comparison.target.count)  // counts alone would not notice
        #expect(comparison.sourceOnlyHashes == [b.hash])
        #expect(comparison.targetOnlyHashes == [a.hash])
    }

    @Test func largeInputsCompareDigestsOnly() throws {
        let rows = try (1...5).map { try TestRows.row($0, "v") }
        var source = ArrayRowStream(rows)
        var target = ArrayRowStream(Array(rows.dropLast()))
        let comparison = try MultisetComparison.compare(source: &source, target: &target, listLimit: 3)
        #expect(!comparison.digestsMatch)
        #expect(comparison.sourceOnlyHashes == nil && comparison.targetOnlyHashes == nil)
        #expect(comparison.source.count == 5 && comparison.target.count == 4)
    }

    @Test func hashListsCompareDirectly() {
        let comparison = MultisetComparison.compare(sourceHashes: [5, 1, 5, 9], targetHashes: [9, 5, 2])
        #expect(comparison.sourceOnlyHashes == [1, 5])
        #expect(comparison.targetOnlyHashes == [2])
        #expect(comparison.source == ChunkDigest.of(rowHashes: [1, 5, 5, 9]).multiset)
    }
}
