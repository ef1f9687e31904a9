/// Compares a source and a target stream, both sorted by key, in one pass (a merge-join).
///
/// Each key ends up in exactly one bucket: matched (same row hash), changed or within tolerance
/// (different hash; the differing columns are decoded and checked against the tolerance
/// policy), missing (source only) or extra (target only). A key repeated on one side is reported
/// as a duplicate and never compared. A key smaller than its predecessor stops the comparison
/// with ``CompareError/Code-swift.struct/unsortedInput``: an unsorted stream would otherwise
/// produce wrong differences.
///
/// Memory is bounded: every difference goes to the sink as it is found, and the
/// ``DiffSummary`` keeps only counts and the first ``DiffConfiguration/sampleLimit`` of each kind.
/// Rows with equal hashes are not decoded or sliced.
public struct MergeDiffer: Sendable {
    /// The column plan, sample limit and tolerance policy.
    public let configuration: DiffConfiguration

    /// Creates a differ.
    ///
    /// - Throws: ``CompareError/Code-swift.struct/invalidConfiguration`` for a negative sample
    ///   limit or an out-of-range tolerance.
    public init(configuration: DiffConfiguration) throws {
        guard configuration.sampleLimit >= 0 else {
            throw CompareError(
                .invalidConfiguration,
                "sample limit is \(configuration.sampleLimit); use 0 or more differences to keep per kind"
            )
        }
        try configuration.tolerance.validate()
        self.configuration = configuration
    }

    /// Compares `source` with `target`, handing every difference to `sink`.
    ///
    /// - Returns: Counts, the first differences of each kind, digests and checks.
    /// - Throws: ``CompareError`` for unsorted input or malformed rows (naming side, position and
    ///   key), or whatever a stream or the sink throws.
    ///
    /// Inlinable so a caller in another module gets a copy specialized for its stream types: the
    /// per-row loop then runs without generic metadata lookups or witness-table calls.
    @inlinable
    public func diff<Source: RowStream, Target: RowStream, Sink: DifferenceSink>(
        source: inout Source,
        target: inout Target,
        sink: inout Sink
    ) throws -> DiffSummary {
        var run = try DiffRun(configuration: configuration)
        var sourceCursor = StreamCursor(side: .source, stream: source)
        var targetCursor = StreamCursor(side: .target, stream: target)
        defer {
            source = sourceCursor.stream
            target = targetCursor.stream
        }
        try step(&sourceCursor, run: &run, sink: &sink)
        try step(&targetCursor, run: &run, sink: &sink)
        while true {
            switch (sourceCursor.hasCurrent, targetCursor.hasCurrent) {
            case (false, false):
                return run.finish(source: sourceCursor, target: targetCursor)
            case (true, false):
                try run.report(.missing(sourceCursor.row, position: sourceCursor.currentPosition), to: &sink)
                try step(&sourceCursor, run: &run, sink: &sink)
            case (false, true):
                try run.report(.extra(targetCursor.row, position: targetCursor.currentPosition), to: &sink)
                try step(&targetCursor, run: &run, sink: &sink)
            case (true, true):
                let order = CanonicalRow.compareKeys(sourceCursor.row.key, targetCursor.row.key)
                if order < 0 {
                    try run.report(.missing(sourceCursor.row, position: sourceCursor.currentPosition), to: &sink)
                    try step(&sourceCursor, run: &run, sink: &sink)
                } else if order > 0 {
                    try run.report(.extra(targetCursor.row, position: targetCursor.currentPosition), to: &sink)
                    try step(&targetCursor, run: &run, sink: &sink)
                } else {
                    if sourceCursor.row.hash == targetCursor.row.hash {
                        run.recordMatch()
                    } else {
                        let difference = try run.classify(
                            source: sourceCursor.row,
                            sourcePosition: sourceCursor.currentPosition,
                            target: targetCursor.row,
                            targetPosition: targetCursor.currentPosition
                        )
                        try run.report(difference, to: &sink)
                    }
                    try step(&sourceCursor, run: &run, sink: &sink)
                    try step(&targetCursor, run: &run, sink: &sink)
                }
            }
        }
    }

    /// Moves `cursor` to its next key, reporting the duplicates it passes.
    @inlinable
    func step<Stream: RowStream, Sink: DifferenceSink>(
        _ cursor: inout StreamCursor<Stream>,
        run: inout DiffRun,
        sink: inout Sink
    ) throws {
        while let duplicate = try cursor.advance() {
            try run.report(.duplicateKey(duplicate), to: &sink)
        }
    }

    /// Compares `source` with `target`, calling `onDifference` for every difference.
    ///
    /// - Returns: Counts, the first differences of each kind, digests and checks.
    /// - Throws: As ``diff(source:target:sink:)``.
    public func diff<Source: RowStream, Target: RowStream>(
        source: inout Source,
        target: inout Target,
        onDifference: @escaping (RowDifference) throws -> Void = { _ in }
    ) throws -> DiffSummary {
        var sink = ClosureDifferenceSink(onDifference)
        return try diff(source: &source, target: &target, sink: &sink)
    }
}
