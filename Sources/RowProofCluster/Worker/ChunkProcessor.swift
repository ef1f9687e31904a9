import RowProofContracts
import RowProofCore
public import RowProofSources

/// Compares one chunk: reads both sides, merge-joins them, and folds in aggregates and the
/// deterministic sample — all in one pass over each side.
///
/// Two Postgres sides of a keyed chunk are read as a ``PairedScan`` on the comparing thread, where
/// a target row with the bytes of its source row is not decoded twice; any other pair of sides
/// is read concurrently, each side on a reader thread of its own (``PipedRowStream``).
public struct ChunkProcessor: Sendable {
    /// Starts reading one side of a plan of job `jobID`; returns the stream its reader thread fills.
    public typealias ScanStarter =
        @Sendable (_ side: ChunkPlan.Side, _ request: ScanRequest, _ jobID: String, _ name: String) -> PipedRowStream

    /// Opens both sides of a keyed plan for reading on the calling thread, given each side's
    /// request; `nil` when the sides are not both Postgres (then each is started on its own thread).
    public typealias PairOpener =
        @Sendable (_ plan: ChunkPlan, _ source: ScanRequest, _ target: ScanRequest) throws -> PairedScan?

    private let startScan: ScanStarter
    private let openPair: PairOpener?

    /// Creates a processor that reads sides with `startScan`, or as a pair with `openPair` when
    /// it opens one.
    public init(startScan: @escaping ScanStarter, openPair: PairOpener? = nil) {
        self.startScan = startScan
        self.openPair = openPair
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
        var request =
            plan.isKeyless
            ? ScanRequest.keyless(table: side.table, columns: columns)
            : ScanRequest(table: side.table, columns: columns, keyColumns: side.keyColumns, range: plan.range)
        request.filter = side.filter
        return request
    }

    /// Runs the comparison of `plan`.
    ///
    /// - Throws: the first error of either side (a ``SourceError`` says whether a retry may help),
    ///   or a ``CompareError`` for unsorted or malformed input.
    public func run(_ plan: ChunkPlan) throws -> ChunkResult {
        let sampler = try Sampler(modulus: plan.sampleModulus, threshold: plan.sampleThreshold)
        let keyOnly = plan.strategy == .keys
        let columnNames = keyOnly ? plan.source.keyColumns : plan.columnNames
        let sourceRequest = Self.scanRequest(for: plan.source, plan: plan)
        let targetRequest = Self.scanRequest(for: plan.target, plan: plan)
        // Without a per-row join (keyless tables, aggregate strategy) one side is read after the
        // other, so there are no row pairs to fold in once.
        let joinsRows = !(plan.isKeyless || plan.strategy == .aggregate)
        let tap = ChunkTap(sampler: sampler, columnNames: columnNames, aggregates: !keyOnly, pairsRows: joinsRows)
        let onlySampled = plan.strategy == .sample

        if joinsRows, let openPair, let pair = try openPair(plan, sourceRequest, targetRequest) {
            var source = TappedRowStream(base: pair.sourceRows, tap: tap, isSource: true, onlySampled: onlySampled)
            var target = TappedRowStream(base: pair.targetRows, tap: tap, isSource: false, onlySampled: onlySampled)
            let result = try join(plan, columnNames: columnNames, tap: tap, source: &source, target: &target)
            pair.finish()
            return result
        }

        let sourceStream = startScan(plan.source, sourceRequest, plan.jobID, "source chunk \(plan.chunkID)")
        let targetStream = startScan(plan.target, targetRequest, plan.jobID, "target chunk \(plan.chunkID)")
        defer {
            sourceStream.cancel()
            targetStream.cancel()
        }
        var source = TappedRowStream(base: sourceStream, tap: tap, isSource: true, onlySampled: onlySampled)
        var target = TappedRowStream(base: targetStream, tap: tap, isSource: false, onlySampled: onlySampled)
        if joinsRows {
            return try join(plan, columnNames: columnNames, tap: tap, source: &source, target: &target)
        }

        // No per-row join: the digests (multiset for keyless tables) and aggregates carry the comparison.
        var sourceDigest = ChunkDigestBuilder()
        var targetDigest = ChunkDigestBuilder()
        while let row = try source.next() { sourceDigest.add(rowHash: row.hash) }
        while let row = try target.next() { targetDigest.add(rowHash: row.hash) }
        let s = sourceDigest.finalize()
        let t = targetDigest.finalize()
        let evaluator = try ToleranceEvaluator(policy: plan.tolerance, columnNames: columnNames)
        var summary = DiffSummary(
            sampleLimit: plan.differenceLimit,
            sourceDigest: s,
            targetDigest: t,
            columnStatistics: evaluator.statistics,
            rowCountCheck: evaluator.rowCountCheck(sourceRows: s.count, targetRows: t.count),
            changedRatioCheck: evaluator.changedRatioCheck(changedRows: 0, comparedRows: 0)
        )
        summary.sourceRows = s.count
        summary.targetRows = t.count
        return try Self.result(of: plan, summary, tap: tap, source.sample, target.sample, differences: [])
    }

    /// Merge-joins the two sides of a keyed plan.
    private func join<Source: RowStream, Target: RowStream>(
        _ plan: ChunkPlan,
        columnNames: [String],
        tap: ChunkTap,
        source: inout TappedRowStream<Source>,
        target: inout TappedRowStream<Target>
    ) throws -> ChunkResult {
        let configuration = DiffConfiguration(
            columnNames: columnNames,
            sampleLimit: plan.differenceLimit,
            tolerance: plan.tolerance
        )
        var records: [DifferenceRecord] = []
        let keyColumns = plan.source.keyColumns
        var kept: [DifferenceKind: Int] = [:]
        var sink = ClosureDifferenceSink { difference in
            // Only the first `differenceLimit` of each kind travel back; the counts cover all.
            guard kept[difference.kind, default: 0] < plan.differenceLimit else { return }
            kept[difference.kind, default: 0] += 1
            records.append(DifferenceRecord(difference, keyColumns: keyColumns))
        }
        let summary = try MergeDiffer(configuration: configuration).diff(source: &source, target: &target, sink: &sink)
        return try Self.result(of: plan, summary, tap: tap, source.sample, target.sample, differences: records)
    }

    /// The chunk's result: the comparison's counts, digests and column statistics, each side's
    /// sample digest, the aggregates the tap folded in, and the differences that travel back.
    private static func result(
        of plan: ChunkPlan,
        _ summary: DiffSummary,
        tap: ChunkTap,
        _ sourceSample: ChunkDigestBuilder,
        _ targetSample: ChunkDigestBuilder,
        differences: [DifferenceRecord]
    ) throws -> ChunkResult {
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
            sourceSampleDigest: sourceSample.finalize(),
            targetSampleDigest: targetSample.finalize(),
            columnStatistics: summary.columnStatistics,
            sourceAggregate: sides.source,
            targetAggregate: sides.target,
            differences: differences
        )
    }
}
