import RowProofCrypto

/// The mutable state of one comparison: counts, kept samples, and the tolerance evaluator.
@usableFromInline
struct DiffRun {
    private let configuration: DiffConfiguration
    private var evaluator: ToleranceEvaluator
    private var counts: [DifferenceKind: Int] = [:]
    private var sourceDuplicates = 0
    private var targetDuplicates = 0
    private var matched = 0
    private var samples: [DifferenceKind: [RowDifference]] = [:]

    @usableFromInline
    init(configuration: DiffConfiguration) throws {
        self.configuration = configuration
        self.evaluator = try ToleranceEvaluator(policy: configuration.tolerance, columnNames: configuration.columnNames)
    }

    @usableFromInline
    mutating func recordMatch() { matched += 1 }

    /// Counts `difference`, keeps it if its kind is under the sample limit, and hands it to `sink`.
    @usableFromInline
    mutating func report<Sink: DifferenceSink>(_ difference: RowDifference, to sink: inout Sink) throws {
        let kind = difference.kind
        counts[kind, default: 0] += 1
        if case .duplicateKey(let row) = difference {
            if row.side == .source { sourceDuplicates += 1 } else { targetDuplicates += 1 }
        }
        if samples[kind, default: []].count < configuration.sampleLimit {
            samples[kind, default: []].append(difference)
        }
        try sink.receive(difference)
    }

    /// Finds the differing columns of two rows with the same key and different hashes.
    ///
    /// - Throws: ``CompareError`` when a row is malformed, has the wrong column count, or both
    ///   rows have identical bytes (so one hash is wrong).
    @usableFromInline
    mutating func classify(
        source: CanonicalRow,
        sourcePosition: Int,
        target: CanonicalRow,
        targetPosition: Int
    ) throws -> RowDifference {
        let sourceSpans = try spans(of: source, side: .source, position: sourcePosition)
        let targetSpans = try spans(of: target, side: .target, position: targetPosition)
        var changes: [ColumnChange] = []
        for (index, name) in configuration.columnNames.enumerated() {
            let s = sourceSpans[index]
            let t = targetSpans[index]
            if s.tag == t.tag, source.bytes[s.payload].elementsEqual(target.bytes[t.payload]) { continue }
            let sourceValue = try value(of: source, span: s, column: name, side: .source, position: sourcePosition)
            let targetValue = try value(of: target, span: t, column: name, side: .target, position: targetPosition)
            let comparison = evaluator.evaluate(column: index, source: sourceValue, target: targetValue)
            changes.append(
                ColumnChange(index: index, name: name, source: sourceValue, target: targetValue, comparison: comparison)
            )
        }
        guard !changes.isEmpty else {
            throw CompareError(
                .hashMismatch,
                "source row at position \(sourcePosition) and target row at position \(targetPosition) with key "
                    + "\(CanonicalRow.describeKeyForError(source.key)) have identical bytes but different row hashes "
                    + "(\(Hex.encode(source.hash)) and \(Hex.encode(target.hash))): a row hash was not computed from its row bytes; "
                    + "compute every row hash as XXH64 of the canonical row bytes with seed 0x526f7750726f6f66",
                side: nil,
                position: sourcePosition
            )
        }
        let row = ChangedRow(
            key: source.key,
            sourceHash: source.hash,
            targetHash: target.hash,
            sourcePosition: sourcePosition,
            targetPosition: targetPosition,
            columns: changes
        )
        return row.isWithinTolerance ? .withinTolerance(row) : .changed(row)
    }

    /// Builds the summary from the counts and both cursors.
    @usableFromInline
    func finish<Source: RowStream, Target: RowStream>(
        source: StreamCursor<Source>,
        target: StreamCursor<Target>
    ) -> DiffSummary {
        let changed = counts[.changed, default: 0]
        let within = counts[.withinTolerance, default: 0]
        var summary = DiffSummary(
            sampleLimit: configuration.sampleLimit,
            sourceDigest: source.digest.finish(),
            targetDigest: target.digest.finish(),
            columnStatistics: evaluator.statistics,
            rowCountCheck: evaluator.rowCountCheck(sourceRows: source.rowsRead, targetRows: target.rowsRead),
            changedRatioCheck: evaluator.changedRatioCheck(
                changedRows: changed,
                comparedRows: matched + changed + within
            )
        )
        summary.sourceRows = source.rowsRead
        summary.targetRows = target.rowsRead
        summary.matchedRows = matched
        summary.missingRows = counts[.missing, default: 0]
        summary.extraRows = counts[.extra, default: 0]
        summary.changedRows = changed
        summary.withinToleranceRows = within
        summary.sourceDuplicateRows = sourceDuplicates
        summary.targetDuplicateRows = targetDuplicates
        summary.samples = samples
        return summary
    }

    private func spans(of row: CanonicalRow, side: DiffSide, position: Int) throws -> [ColumnSpan] {
        let spans: [ColumnSpan]
        do {
            spans = try row.columnRanges()
        } catch let error as CompareError {
            throw CompareError(
                error.code,
                "\(side) row at position \(position) with key \(CanonicalRow.describeKeyForError(row.key)): "
                    + error.message,
                side: side,
                position: position
            )
        }
        guard spans.count == configuration.columnNames.count else {
            throw CompareError(
                .columnCountMismatch,
                "\(side) row at position \(position) with key \(CanonicalRow.describeKeyForError(row.key)) has "
                    + "\(spans.count) columns but the column plan has \(configuration.columnNames.count) "
                    + "(\(configuration.columnNames.joined(separator: ", "))); both sides must be serialized with the "
                    + "same column plan",
                side: side,
                position: position
            )
        }
        return spans
    }

    private func value(
        of row: CanonicalRow,
        span: ColumnSpan,
        column: String,
        side: DiffSide,
        position: Int
    ) throws -> CanonicalValue {
        do {
            return try CanonicalValue.decode(tag: span.tag, payload: row.bytes[span.payload])
        } catch {
            throw CompareError(
                .malformedRow,
                "\(side) row at position \(position) with key \(CanonicalRow.describeKeyForError(row.key)): column "
                    + "\"\(column)\" cannot be decoded: \(error.detail)",
                side: side,
                position: position
            )
        }
    }
}
