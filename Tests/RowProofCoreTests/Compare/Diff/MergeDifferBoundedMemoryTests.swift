import RowProofCore
import Testing

/// A lazily generated stream of `(id, value)` rows, `id` from 0 to `count - 1`, with some ids
/// left out and some values altered; rows are built only when pulled.
private struct GeneratedStream: RowStream {
    let count: Int64
    let skipped: Set<Int64>
    let altered: Set<Int64>
    private var id: Int64 = 0
    private var rowEncoder = RowEncoder()
    private var keyEncoder = KeyEncoder()

    init(count: Int64, skipped: Set<Int64> = [], altered: Set<Int64> = []) {
        self.count = count
        self.skipped = skipped
        self.altered = altered
    }

    mutating func next() -> CanonicalRow? {
        while skipped.contains(id) { id += 1 }
        guard id < count else { return nil }
        defer { id += 1 }
        keyEncoder.reset()
        keyEncoder.appendInteger(id)
        rowEncoder.reset()
        rowEncoder.appendInteger(id)
        rowEncoder.appendInteger(altered.contains(id) ? -id : id * 3)
        return CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: rowEncoder.finish())
    }
}

@Suite struct MergeDifferBoundedMemoryTests {
    @Test func millionRowStreamsKeepOnlyTheCapWhileTheSinkSeesEverything() throws {
        let missing: Set<Int64> = [17, 250_000, 999_999]
        let extra: Set<Int64> = [0, 400_001, 700_000]
        let changed: Set<Int64> = [5, 123_456, 654_321, 900_000, 999_998]
        var source = GeneratedStream(count: 1_000_000, skipped: extra, altered: [])
        var target = GeneratedStream(count: 1_000_000, skipped: missing, altered: changed)
        let differ = try MergeDiffer(configuration: DiffConfiguration(columnNames: ["id", "value"], sampleLimit: 2))
        var seen: [DifferenceKind: Int] = [:]
        let summary = try differ.diff(source: &source, target: &target) { difference in
            seen[difference.kind, default: 0] += 1
        }
        #expect(seen == [.missing: 3, .extra: 3, .changed: 5])
        #expect(summary.missingRows == 3 && summary.extraRows == 3 && summary.changedRows == 5)
        #expect(summary.samples(of: .missing).count == 2)
        #expect(summary.samples(of: .extra).count == 2)
        #expect(summary.samples(of: .changed).count == 2)
        #expect(summary.sourceRows == 999_997 && summary.targetRows == 999_997)
        #expect(summary.matchedRows == 1_000_000 - 3 - 3 - 5)
        #expect(summary.sourceDigest.count == 999_997)
    }
}
