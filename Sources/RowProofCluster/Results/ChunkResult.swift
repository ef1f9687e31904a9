import Foundation
public import RowProofCore

/// What a worker found in one chunk: counts, digests, aggregates, column statistics and the
/// first differences of each kind. It travels LZ4-compressed and is stored in the job store.
///
/// It holds nothing about who computed it or how long it took, so the same chunk gives the same
/// result on any worker (``ChunkTiming`` travels beside it).
public struct ChunkResult: Sendable, Equatable, Codable {
    /// The chunk.
    public var chunkID: Int
    /// The table pair's index in the job.
    public var tableIndex: Int
    /// Rows read per side.
    public var sourceRows: Int
    /// Rows read from the target.
    public var targetRows: Int
    /// Keys on both sides with identical rows.
    public var matchedRows: Int
    /// Keys in the source only.
    public var missingRows: Int
    /// Keys in the target only.
    public var extraRows: Int
    /// Keys whose rows differ beyond tolerance.
    public var changedRows: Int
    /// Keys whose rows differ only within tolerance.
    public var withinToleranceRows: Int
    /// Duplicate-key rows in the source.
    public var sourceDuplicateRows: Int
    /// Duplicate-key rows in the target.
    public var targetDuplicateRows: Int
    /// Digest of the source rows' hashes.
    public var sourceDigest: ChunkDigest
    /// Digest of the target rows' hashes.
    public var targetDigest: ChunkDigest
    /// Digest of the sampled source rows.
    public var sourceSampleDigest: ChunkDigest
    /// Digest of the sampled target rows.
    public var targetSampleDigest: ChunkDigest
    /// Per-column mismatch statistics, in plan order.
    public var columnStatistics: [ColumnMismatchStatistics]
    /// Column aggregates of the source.
    public var sourceAggregate: TableAggregate
    /// Column aggregates of the target.
    public var targetAggregate: TableAggregate
    /// The first differences of each kind, in key order.
    public var differences: [DifferenceRecord]

    /// Creates a result.
    public init(
        chunkID: Int,
        tableIndex: Int,
        sourceRows: Int,
        targetRows: Int,
        matchedRows: Int,
        missingRows: Int,
        extraRows: Int,
        changedRows: Int,
        withinToleranceRows: Int,
        sourceDuplicateRows: Int,
        targetDuplicateRows: Int,
        sourceDigest: ChunkDigest,
        targetDigest: ChunkDigest,
        sourceSampleDigest: ChunkDigest,
        targetSampleDigest: ChunkDigest,
        columnStatistics: [ColumnMismatchStatistics],
        sourceAggregate: TableAggregate,
        targetAggregate: TableAggregate,
        differences: [DifferenceRecord]
    ) {
        self.chunkID = chunkID
        self.tableIndex = tableIndex
        self.sourceRows = sourceRows
        self.targetRows = targetRows
        self.matchedRows = matchedRows
        self.missingRows = missingRows
        self.extraRows = extraRows
        self.changedRows = changedRows
        self.withinToleranceRows = withinToleranceRows
        self.sourceDuplicateRows = sourceDuplicateRows
        self.targetDuplicateRows = targetDuplicateRows
        self.sourceDigest = sourceDigest
        self.targetDigest = targetDigest
        self.sourceSampleDigest = sourceSampleDigest
        self.targetSampleDigest = targetSampleDigest
        self.columnStatistics = columnStatistics
        self.sourceAggregate = sourceAggregate
        self.targetAggregate = targetAggregate
        self.differences = differences
    }
}

/// How long a chunk took and who computed it (kept apart from ``ChunkResult``).
public struct ChunkTiming: Sendable, Equatable, Codable {
    /// The worker that produced the accepted result.
    public var worker: String
    /// Wall time of the chunk on the worker, in seconds.
    public var seconds: Double

    /// Creates a timing.
    public init(worker: String, seconds: Double) {
        self.worker = worker
        self.seconds = seconds
    }
}

/// A result with its timing, as a worker sends it.
public struct ChunkResultEnvelope: Sendable, Equatable, Codable {
    /// The result.
    public var result: ChunkResult
    /// Its timing.
    public var timing: ChunkTiming

    /// Creates an envelope.
    public init(result: ChunkResult, timing: ChunkTiming) {
        self.result = result
        self.timing = timing
    }

    /// JSON bytes (stable key order).
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    /// Decodes JSON bytes.
    public static func decode(_ bytes: [UInt8]) throws -> ChunkResultEnvelope {
        try JSONDecoder().decode(ChunkResultEnvelope.self, from: Data(bytes))
    }
}
