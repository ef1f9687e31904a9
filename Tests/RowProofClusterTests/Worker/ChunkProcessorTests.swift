import RowProofCluster
import RowProofContracts
import RowProofCore
import Testing

/// The worker's one-pass chunk comparison must equal the parts computed one at a time: the
/// merge-join's counts and digests, each side's aggregates and its deterministic sample.
@Suite struct ChunkProcessorTests {
    static let columns = ["id", "amount", "note"]

    static func rows(_ ids: some Sequence<Int64>, changed: Set<Int64> = []) throws -> [CanonicalRow] {
        var rowEncoder = RowEncoder()
        var keyEncoder = KeyEncoder()
        return try ids.map { id in
            keyEncoder.reset()
            keyEncoder.appendInteger(id)
            rowEncoder.reset()
            rowEncoder.appendInteger(id)
            try rowEncoder.appendDecimal(unscaled: id * 37 - 5_000 + (changed.contains(id) ? 1 : 0), scale: 2)
            if id % 5 == 0 { rowEncoder.appendNull() } else { rowEncoder.appendText("n\(id % 13)") }
            return CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: rowEncoder.finish())
        }
    }

    static func plan(strategy: ReconStrategy) -> ChunkPlan {
        let table = TableName(schema: "public", "t")
        return ChunkPlan(
            jobID: "test",
            chunkID: 3,
            tableIndex: 0,
            source: ChunkPlan.Side(location: "memory:source", table: table, columns: columns, keyColumns: ["id"]),
            target: ChunkPlan.Side(location: "memory:target", table: table, columns: columns, keyColumns: ["id"]),
            columnTypes: [.decimal, .decimal, .text],
            columnNames: columns,
            range: KeyRange(),
            isKeyless: false,
            strategy: strategy,
            sampleModulus: 10,
            sampleThreshold: 3,
            differenceLimit: 5,
            tolerance: .exact
        )
    }

    static func processor(source: [CanonicalRow], target: [CanonicalRow]) -> ChunkProcessor {
        ChunkProcessor { side, _, _, name in
            let rows = side.location == "memory:source" ? source : target
            return PipedRowStream(name: name, batchSize: 64) { writer in
                var stream = ArrayRowStream(rows)
                try writer.drain(&stream)
            }
        }
    }

    static func expectedAggregate(_ rows: [CanonicalRow]) throws -> TableAggregate {
        var aggregate = TableAggregate(columnNames: columns)
        for row in rows { try aggregate.add(row) }
        return aggregate
    }

    static func expectedSample(_ rows: [CanonicalRow], _ sampler: Sampler) -> RowProofCore.ChunkDigest {
        RowProofCore.ChunkDigest.of(rowHashes: rows.filter { sampler.isSelected(key: $0.key) }.map(\.hash))
    }

    @Test func rowhashResultEqualsItsPartsComputedSeparately() throws {
        let source = try Self.rows(Array(0..<3_000).filter { $0 != 17 }, changed: [5, 900])
        let target = try Self.rows(Array(0..<3_001).filter { $0 != 2_000 })
        let result = try Self.processor(source: source, target: target).run(Self.plan(strategy: .rowhash))
        var sourceStream = ArrayRowStream(source)
        var targetStream = ArrayRowStream(target)
        let summary = try MergeDiffer(configuration: DiffConfiguration(columnNames: Self.columns, sampleLimit: 5))
            .diff(source: &sourceStream, target: &targetStream)
        let sampler = try Sampler(modulus: 10, threshold: 3)
        #expect(result.sourceRows == source.count && result.targetRows == target.count)
        #expect(result.matchedRows == summary.matchedRows && result.changedRows == 2)
        #expect(result.missingRows == 1 && result.extraRows == 2)
        #expect(result.sourceDigest == summary.sourceDigest && result.targetDigest == summary.targetDigest)
        #expect(result.sourceAggregate == (try Self.expectedAggregate(source)))
        #expect(result.targetAggregate == (try Self.expectedAggregate(target)))
        #expect(result.sourceSampleDigest == Self.expectedSample(source, sampler))
        #expect(result.targetSampleDigest == Self.expectedSample(target, sampler))
        #expect(result.sourceSampleDigest.count > 0 && result.sourceSampleDigest.count < source.count)
    }

    @Test func sampleStrategyComparesOnlySampledRows() throws {
        let source = try Self.rows(0..<1_000, changed: Set(0..<1_000))
        let target = try Self.rows(0..<1_000)
        let result = try Self.processor(source: source, target: target).run(Self.plan(strategy: .sample))
        let sampler = try Sampler(modulus: 10, threshold: 3)
        let sampled = source.filter { sampler.isSelected(key: $0.key) }.count
        #expect(result.changedRows == sampled && result.matchedRows == 0)
        #expect(result.sourceSampleDigest == Self.expectedSample(source, sampler))
        #expect(result.sourceAggregate == (try Self.expectedAggregate(source)))
    }

    /// Rows folded in once per matching pair still give each side exactly the aggregate of its
    /// own rows: with duplicate keys on either side, runs of target-only and source-only keys,
    /// changed rows, and under every strategy that aggregates.
    @Test(arguments: [ReconStrategy.rowhash, .sample, .aggregate])
    func pairedAggregatesEqualEachSidesOwn(strategy: ReconStrategy) throws {
        let sourceIDs: [Int64] = [1, 2, 2, 2, 3, 7, 8, 9, 9, 10] + Array(20..<400) + [500, 501]
        let targetIDs: [Int64] =
            [0, 1, 2, 3, 3, 4, 5, 6, 9, 10, 10] + Array(20..<400).filter { $0 % 7 != 0 } + [450, 501, 502]
        let source = try Self.rows(sourceIDs, changed: [3, 25, 300])
        let target = try Self.rows(targetIDs)
        let result = try Self.processor(source: source, target: target).run(Self.plan(strategy: strategy))
        #expect(result.sourceAggregate == (try Self.expectedAggregate(source)))
        #expect(result.targetAggregate == (try Self.expectedAggregate(target)))
        #expect(result.sourceAggregate.rows == source.count && result.targetAggregate.rows == target.count)
    }
}
