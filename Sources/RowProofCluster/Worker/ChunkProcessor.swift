import RowProofContracts
import RowProofCore
public import RowProofSources

/// Compares one chunk: reads both sides concurrently, merge-joins them, and folds in aggregates
/// and the deterministic sample — all in one pass over each side.
public struct ChunkProcessor: Sendable {
    /// Starts reading one side of a plan of job `jobID`; returns the stream its reader thread fills.
    public typealias ScanStarter =
        @Sendable (_ side: ChunkPlan.Side, _ request: ScanRequest, _ jobID: String, _ name: String) -> PipedRowStream

    private let startScan: ScanStarter

    /// Creates a processor that reads sides with `startScan`.
    public init(startScan: @escaping ScanStarter) {
        self.startScan = startScan
    }

    /// The scan request for one side of `plan`.
    public static func scanRequest(for side: ChunkPlan.Side, plan: ChunkPlan) -> ScanRequest {
        let keyOnly = plan.strategy == .keys
        let names = keyOnly ? side.keyColumns : side.columns
        let types: [RowProofCore.LogicalType] =
            keyOnly
            ? side.keyColumns.map { key in side.columns.firstIndex(of: key).map { plan.columnTypes[$0] } ?? .text }
            : plan.columnTypes
        let columns = zip(names, types).map { ScanRequest.Column(name: $0, logicalType: $1) }
        if plan.isKeyless { return .keyless(table: side.table, columns: columns) }
        return ScanRequest(table: side.table, columns: columns, keyColumns: side.keyColumns, range: plan.range)
    }

    /// Runs the comparison of `plan`.
    ///
    /// - Throws: the first error of either side (a ``SourceError`` says whether a retry may help),
    ///   or a ``CompareError`` for unsorted or malformed input.
    public func run(_ plan: ChunkPlan) throws -> ChunkResult {
        let sampler = try Sampler(modulus: plan.sampleModulus, threshold: plan.sampleThreshold)
        let keyOnly = plan.strategy == .keys
        let columnNames = keyOnly ? plan.source.keyColumns : plan.columnNames
        let sourceStream = startScan(
            plan.source,
            Self.scanRequest(for: plan.source, plan: plan),
            plan.jobID,
            "source chunk \(plan.chunkID)"
        )
        let targetStream = startScan(
            plan.target,
            Self.scanRequest(for: plan.target, plan: plan),
            plan.jobID,
            "target chunk \(plan.chunkID)"
        )
        defer {
            sourceStream.cancel()
            targetStream.cancel()
        }
        // Without a per-row join (keyless tables, aggregate strategy) one side is read after the
        // other, so there are no row pairs to fold in once.
        let joinsRows = !(plan.isKeyless || plan.strategy == .aggregate)
        let tap = ChunkTap(sampler: sampler, columnNames: columnNames, aggregates: !keyOnly, pairsRows: joinsRows)
        let onlySampled = plan.strategy == .sample
        var source = TappedRowStream(base: sourceStream, tap: tap, isSource: true, onlySampled: onlySampled)
        var target = TappedRowStream(base: targetStream, tap: tap, isSource: false, onlySampled: onlySampled)
        let configuration = DiffConfiguration(
            columnNames: columnNames,
            sampleLimit: plan.differenceLimit,
            tolerance: plan.tolerance
        )
        var records: [DifferenceRecord] = []
        let keyColumns = plan.source.keyColumns

        if !joinsRows {
            // No per-row join: the digests (multiset for keyless tables) and aggregates carry the comparison.
            var sourceDigest = ChunkDigestBuilder()
            var targetDigest = ChunkDigestBuilder()
            while let row = try source.next() { sourceDigest.add(rowHash: row.hash) }
            while let row = try target.next() { targetDigest.add(rowHash: row.hash) }
            let s = sourceDigest.finalize()
            let t = targetDigest.finalize()
            let evaluator = try ToleranceEvaluator(policy: plan.tolerance, columnNames: columnNames)
            let sides = try tap.finishAggregates()
            return ChunkResult(
                chunkID: plan.chunkID,
                tableIndex: plan.tableIndex,
                sourceRows: s.count,
                targetRows: t.count,
                matchedRows: 0,
                missingRows: 0,
                extraRows: 0,
                changedRows: 0,
                withinToleranceRows: 0,
                sourceDuplicateRows: 0,
                targetDuplicateRows: 0,
                sourceDigest: s,
                targetDigest: t,
                sourceSampleDigest: source.sample.finalize(),
                targetSampleDigest: target.sample.finalize(),
                columnStatistics: evaluator.statistics,
                sourceAggregate: sides.source,
                targetAggregate: sides.target,
                differences: []
            )
        }

        var kept: [DifferenceKind: Int] = [:]
        var sink = ClosureDifferenceSink { difference in
            // Only the first `differenceLimit` of each kind travel back; the counts cover all.
            guard kept[difference.kind, default: 0] < plan.differenceLimit else { return }
            kept[difference.kind, default: 0] += 1
            records.append(DifferenceRecord(difference, keyColumns: keyColumns))
        }
        let summary = try MergeDiffer(configuration: configuration).diff(source: &source, target: &target, sink: &sink)
        let sides = try tap.finishAggregates()
        return ChunkResult(
            chunkID: plan.chunkID,
            tableIndex: plan.tableIndex,
            sourceRows: summary.sourceRows,
            targetRows: summary.targetRows,
            matchedRows: summary.matchedRows,
            missingRows: summary.missingRows,
            extraRows: summary.extraRows,
            changedRows: summary.changedRows,
            withinToleranceRows: summary.withinToleranceRows,
            sourceDuplicateRows: summary.sourceDuplicateRows,
            targetDuplicateRows: summary.targetDuplicateRows,
            sourceDigest: summary.sourceDigest,
            targetDigest: summary.targetDigest,
            sourceSampleDigest: source.sample.finalize(),
            targetSampleDigest: target.sample.finalize(),
            columnStatistics: summary.columnStatistics,
            sourceAggregate: sides.source,
            targetAggregate: sides.target,
            differences: records
        )
    }
}
