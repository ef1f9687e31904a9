import Foundation
public import RowProofContracts
import RowProofCore
import RowProofCrypto

/// Merges a job's chunk results into its ``ReconReport``: counts, column statistics, aggregates,
/// difference samples (redacted per policy), chunk digests, severity and verdict.
///
/// Everything in the report except times comes from the results in chunk order, so the same job
/// gives the same report whatever the number of workers and whichever worker read which chunk.
public struct ReportBuilder: Sendable {
    /// What the report needs besides the results.
    public struct Context: Sendable {
        /// The job as submitted.
        public var job: ReconJob
        /// The planned job.
        public var planned: PlannedJob
        /// Severity and redaction.
        public var policy: ReportPolicy
        /// SHA-256 of the policy file used ("" when the built-in defaults apply).
        public var policySHA256: String
        /// SHA-256 of the hashing spec this build implements.
        public var hashingSpecSHA256: String
        /// When the run started and finished (ISO 8601).
        public var startedAt: String
        /// When the run finished.
        public var finishedAt: String
        /// Seconds per phase.
        public var timings: [PhaseTiming]
        /// Snapshots the readers used.
        public var snapshot: SnapshotPair?
        /// Differences of each kind kept per table.
        public var differenceLimit: Int
        /// Re-check summaries by table index (live migrations).
        public var recheck: [Int: RecheckSummary]
        /// Chunks whose results an earlier, interrupted run of the job stored.
        public var resumedChunks: Int

        /// Creates a context.
        public init(
            job: ReconJob,
            planned: PlannedJob,
            policy: ReportPolicy,
            policySHA256: String,
            hashingSpecSHA256: String,
            startedAt: String,
            finishedAt: String,
            timings: [PhaseTiming],
            snapshot: SnapshotPair?,
            differenceLimit: Int = 100,
            recheck: [Int: RecheckSummary] = [:],
            resumedChunks: Int = 0
        ) {
            self.recheck = recheck
            self.resumedChunks = resumedChunks
            self.job = job
            self.planned = planned
            self.policy = policy
            self.policySHA256 = policySHA256
            self.hashingSpecSHA256 = hashingSpecSHA256
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.timings = timings
            self.snapshot = snapshot
            self.differenceLimit = differenceLimit
        }
    }

    /// The version RowProof writes into reports.
    public static let rowproofVersion = "0.1.0"
    /// The hashing spec version this build implements.
    public static let hashingSpecVersion = HashingSpec.version

    private let context: Context

    /// Creates a builder.
    public init(context: Context) {
        self.context = context
    }

    /// Builds the report from every chunk's result.
    public func build(results: [Int: ChunkResultEnvelope]) throws -> ReconReport {
        let plans = Dictionary(uniqueKeysWithValues: context.planned.plans.map { ($0.chunkID, $0) })
        var tables: [TableReport] = []
        var totals = RowCounts.zero
        var errors: [ReportError] = []
        for table in context.planned.tables {
            let report = try tableReport(table, plans: plans, results: results, errors: &errors)
            totals.rowsSource += report.counts.rowsSource
            totals.rowsTarget += report.counts.rowsTarget
            totals.matched += report.counts.matched
            totals.changed += report.counts.changed
            totals.missing += report.counts.missing
            totals.extra += report.counts.extra
            totals.duplicateKeys += report.counts.duplicateKeys
            totals.withinTolerance += report.counts.withinTolerance
            tables.append(report)
        }
        let severity = tables.map(\.severity).max() ?? .info
        let verdict: RowProofContracts.Verdict =
            !errors.isEmpty ? .error : (tables.contains { $0.verdict == .fail } ? .fail : .pass)
        return ReconReport(
            reportVersion: 1,
            job: ReportJobReference(name: context.job.name, id: context.planned.jobID),
            rowproofVersion: Self.rowproofVersion,
            hashingSpecVersion: Self.hashingSpecVersion,
            startedAt: context.startedAt,
            finishedAt: context.finishedAt,
            timings: context.timings,
            specSHA256: context.hashingSpecSHA256,
            policySHA256: context.policySHA256,
            jobSHA256: context.planned.specSHA256,
            columnPlan: context.planned.tables.map(columnPlan),
            snapshot: context.snapshot,
            resumedChunks: context.resumedChunks > 0 ? context.resumedChunks : nil,
            totals: totals,
            tables: tables,
            errors: errors.isEmpty ? nil : errors,
            severity: severity,
            verdict: verdict
        )
    }

    private func columnPlan(_ table: PlannedTable) -> TableColumnPlan {
        TableColumnPlan(
            table: "\(table.source)",
            columns: table.sourceColumns.indices.map { index in
                PlannedColumn(
                    position: index,
                    source: table.sourceColumns[index],
                    target: table.targetColumns[index],
                    sourceType: table.sourceEngineTypes[index],
                    targetType: table.targetEngineTypes[index],
                    logicalType: RowProofContracts.LogicalType(table.columnTypes[index]),
                    isKey: table.keyColumns.contains(table.sourceColumns[index]),
                    coercions: nil
                )
            }
        )
    }

    private func tableReport(
        _ table: PlannedTable,
        plans: [Int: ChunkPlan],
        results: [Int: ChunkResultEnvelope],
        errors: inout [ReportError]
    ) throws -> TableReport {
        let name = "\(table.source)"
        let columnNames = table.strategy == .keys ? table.keyColumns : table.sourceColumns
        var merge = TableMerge(table: table, columnNames: columnNames)
        var chunks: [RowProofContracts.ChunkDigest] = []
        for chunkID in table.chunkIDs {
            guard let envelope = results[chunkID] else {
                errors.append(ReportError(phase: "merge", table: name, message: "chunk \(chunkID) has no result"))
                continue
            }
            try merge.add(envelope.result, limit: context.differenceLimit)
            let range = plans[chunkID]?.range ?? .all
            chunks.append(
                RowProofContracts.ChunkDigest(
                    chunkID: chunkID,
                    range: Self.chunkRange(range, keyColumns: table.keyColumns),
                    source: Self.sideDigest(envelope.result.sourceDigest),
                    target: Self.sideDigest(envelope.result.targetDigest)
                )
            )
        }

        // Findings and their severity.
        let classifier = context.policy.classifier
        var findings: [(DifferenceKind, String?, Int)] = [
            (.missing, nil, merge.missing), (.extra, nil, merge.extra), (.duplicateKey, nil, merge.duplicates),
            (.withinTolerance, nil, merge.withinTolerance),
        ]
        for stats in merge.statistics where stats.mismatches > stats.withinTolerance {
            findings.append((.changed, stats.column, stats.mismatches - stats.withinTolerance))
        }
        let tolerance = context.planned.plans.first { $0.tableIndex == table.index }?.tolerance ?? .exact
        let countDifference = abs(merge.sourceRows - merge.targetRows)
        let countAllowed = max(
            tolerance.rowCount.absolute ?? 0,
            Int((tolerance.rowCount.relative ?? 0) * Double(max(merge.sourceRows, merge.targetRows)))
        )
        if countDifference > countAllowed { findings.append((.count, nil, countDifference)) }
        if table.isKeyless && merge.sourceMultiset != merge.targetMultiset && countDifference == 0 {
            findings.append((.aggregate, nil, 1))
        }
        if table.strategy == .aggregate {
            for (source, target) in zip(zip(columnNames, merge.sourceAggregate.columns), merge.targetAggregate.columns)
            where source.1 != target {
                findings.append((.aggregate, source.0, 1))
            }
        }
        var highest: RowProofCore.Severity?
        for (kind, column, count) in findings where count > 0 {
            var severity = classifier.severity(of: kind, table: name, column: column)
            if kind == .changed, let ratio = tolerance.maxChangedRowRatio,
                Double(merge.changed) <= ratio * Double(max(1, merge.matched + merge.changed + merge.withinTolerance))
            {
                severity = min(severity, .warning)  // within the accepted changed-row ratio: reported, not failing
            }
            highest = max(highest ?? severity, severity)
        }
        let verdict: RowProofContracts.Verdict = classifier.verdict(highest: highest) == .fail ? .fail : .pass
        let guarantee: Guarantee = table.isKeyless ? .multiset : Guarantee(rawValue: table.strategy.guarantee) ?? .full

        return TableReport(
            sourceTable: name,
            targetTable: "\(table.target)",
            strategy: table.strategy,
            guarantee: guarantee,
            counts: RowCounts(
                rowsSource: merge.sourceRows,
                rowsTarget: merge.targetRows,
                matched: merge.matched,
                changed: merge.changed,
                missing: merge.missing,
                extra: merge.extra,
                duplicateKeys: merge.duplicates,
                withinTolerance: merge.withinTolerance
            ),
            columns: merge.statistics.map {
                ColumnMismatch(
                    column: $0.column,
                    mismatches: $0.mismatches,
                    withinTolerance: $0.withinTolerance,
                    maxAbsDiff: $0.maxAbsoluteDifference
                )
            },
            aggregates: AggregateSides(
                source: Self.aggregates(merge.sourceAggregate, redact: redactionCheck(table: name)),
                target: Self.aggregates(merge.targetAggregate, redact: redactionCheck(table: name))
            ),
            differences: merge.differences.map { sample($0, table: name) },
            differencesTruncated: merge.truncated,
            chunks: chunks,
            severity: RowProofContracts.Severity(highest ?? .info),
            verdict: verdict,
            recheck: context.recheck[table.index],
            targetOnlyColumns: table.targetOnlyColumns,
            rowFilter: table.rowFilter
        )
    }

    private func redactionCheck(table: String) -> @Sendable (String) -> RedactionRule.Mode? {
        let policy = context.policy
        return { column in policy.redaction(table: table, column: column) }
    }

    private func sample(_ record: DifferenceRecord, table: String) -> DifferenceSample {
        var redacted = false
        func shown(_ column: String, _ value: String, display: String? = nil) -> JSONValue? {
            switch context.policy.redaction(table: table, column: column) {
            case nil: return .string(display ?? value)
            case .mask?:
                redacted = true
                return .string("***")
            case .hash?:
                redacted = true
                return .string("sha256:" + SHA256.hexDigest(Array(value.utf8)).prefix(16))
            case .drop?:
                redacted = true
                return nil
            }
        }
        var key: [String: JSONValue] = [:]
        for part in record.key { key[part.column] = shown(part.column, part.value) ?? .string("[dropped]") }
        var source: [String: JSONValue] = [:]
        var target: [String: JSONValue] = [:]
        for column in record.columns {
            let display = Self.abbreviated(source: column.source, target: column.target)
            source[column.name] = shown(column.name, column.source, display: display.source)
            target[column.name] = shown(column.name, column.target, display: display.target)
        }
        let kind: DifferenceSample.Kind =
            switch record.kind {
            case .missing: .missing
            case .extra: .extra
            case .changed: .changed
            case .withinTolerance: .withinTolerance
            case .duplicateKey, .count, .aggregate: .duplicateKey
            }
        let severity =
            record.columns.map { context.policy.classifier.severity(of: record.kind, table: table, column: $0.name) }
            .max()
            ?? context.policy.classifier.severity(of: record.kind, table: table, column: nil)
        return DifferenceSample(
            kind: kind,
            key: key,
            columns: record.columns.map(\.name),
            source: record.columns.isEmpty ? nil : source,
            target: record.columns.isEmpty ? nil : target,
            isRedacted: redacted,
            severity: RowProofContracts.Severity(severity)
        )
    }

    static func sideDigest(_ digest: RowProofCore.ChunkDigest) -> SideDigest {
        SideDigest(
            count: digest.count,
            ordered: Hex.encode(digest.ordered),
            multisetSum: Hex.encode(digest.multisetSum),
            multisetMix: Hex.encode(digest.multisetMix)
        )
    }

    static func chunkRange(_ range: KeyRange, keyColumns: [String]) -> ChunkRange {
        func bound(_ values: [CanonicalValue]?) -> [String: JSONValue]? {
            values.map { values in
                Dictionary(
                    uniqueKeysWithValues: zip(keyColumns, values).map { ($0, JSONValue.string(KeyRange.boundText($1))) }
                )
            }
        }
        return ChunkRange(lower: bound(range.lower), upper: bound(range.upper))
    }

    static func aggregates(
        _ aggregate: TableAggregate,
        redact: (String) -> RedactionRule.Mode?
    ) -> [RowProofContracts.ColumnAggregate] {
        zip(aggregate.columnNames, aggregate.columns).map { name, column in
            let hidden = redact(name) != nil
            func text(_ cell: CanonicalCell?) -> JSONValue? {
                guard let cell, !hidden, let value = try? cell.value() else { return nil }
                return .string(abbreviated(value.displayText))
            }
            let sum = hidden ? nil : sumText(column)
            return RowProofContracts.ColumnAggregate(
                column: name,
                count: column.count,
                nulls: column.nulls,
                min: text(column.minimum),
                max: text(column.maximum),
                sum: sum
            )
        }
    }
}

extension RowProofContracts.LogicalType {
    /// The report's name for a column's logical type (arrays are `array`, whatever their elements).
    init(_ type: RowProofCore.LogicalType) {
        switch type {
        case .null: self = .null
        case .bool: self = .bool
        case .decimal: self = .decimal
        case .float: self = .float
        case .text: self = .text
        case .bytes: self = .bytes
        case .date: self = .date
        case .time: self = .time
        case .timestamp: self = .timestamp
        case .interval: self = .interval
        case .uuid: self = .uuid
        case .json: self = .json
        case .array: self = .array
        }
    }
}
