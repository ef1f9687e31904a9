/// What a comparison found: row counts per side, counts per kind of difference, the first
/// differences of each kind, per-side chunk digests, per-column statistics and table checks.
///
/// Its size depends on the column count and the sample limit, never on the number of rows.
public struct DiffSummary: Sendable {
    /// Rows read from the source, duplicates included.
    public var sourceRows = 0
    /// Rows read from the target, duplicates included.
    public var targetRows = 0
    /// Keys on both sides whose rows have the same hash.
    public var matchedRows = 0
    /// Keys in the source only.
    public var missingRows = 0
    /// Keys in the target only.
    public var extraRows = 0
    /// Keys on both sides whose rows differ beyond tolerance.
    public var changedRows = 0
    /// Keys on both sides whose rows differ only within tolerance.
    public var withinToleranceRows = 0
    /// Source rows repeating the key of the row before them.
    public var sourceDuplicateRows = 0
    /// Target rows repeating the key of the row before them.
    public var targetDuplicateRows = 0
    /// The most differences of each kind kept in ``samples``.
    public var sampleLimit: Int
    /// The first differences of each kind, in the order found, at most ``sampleLimit`` per kind.
    public var samples: [DifferenceKind: [RowDifference]] = [:]
    /// Digest of every source row hash (count, ordered, multiset sum and mix).
    public var sourceDigest: ChunkDigest
    /// Digest of every target row hash.
    public var targetDigest: ChunkDigest
    /// How each column of the plan differed, in plan order.
    public var columnStatistics: [ColumnMismatchStatistics]
    /// The row-count check against the tolerance policy.
    public var rowCountCheck: ToleranceCheck
    /// The changed-row ratio check against the tolerance policy.
    public var changedRatioCheck: ToleranceCheck

    /// Creates a summary; the differ fills it in.
    public init(
        sampleLimit: Int,
        sourceDigest: ChunkDigest,
        targetDigest: ChunkDigest,
        columnStatistics: [ColumnMismatchStatistics],
        rowCountCheck: ToleranceCheck,
        changedRatioCheck: ToleranceCheck
    ) {
        self.sampleLimit = sampleLimit
        self.sourceDigest = sourceDigest
        self.targetDigest = targetDigest
        self.columnStatistics = columnStatistics
        self.rowCountCheck = rowCountCheck
        self.changedRatioCheck = changedRatioCheck
    }

    /// Keys present on both sides (matched, changed or within tolerance).
    public var comparedRows: Int { matchedRows + changedRows + withinToleranceRows }

    /// Duplicate-key rows on both sides.
    public var duplicateRows: Int { sourceDuplicateRows + targetDuplicateRows }

    /// How many differences of `kind` were found (`count` and `aggregate` are table-level: 1 if
    /// the row-count check failed, 0 otherwise for `count`; always 0 for `aggregate` here).
    public func count(of kind: DifferenceKind) -> Int {
        switch kind {
        case .missing: missingRows
        case .extra: extraRows
        case .changed: changedRows
        case .withinTolerance: withinToleranceRows
        case .duplicateKey: duplicateRows
        case .count: rowCountCheck.passed ? 0 : 1
        case .aggregate: 0
        }
    }

    /// The kept differences of `kind` (at most ``sampleLimit``).
    public func samples(of kind: DifferenceKind) -> [RowDifference] { samples[kind] ?? [] }

    /// Whether the two sides hold exactly the same rows: no difference of any kind, not even
    /// within tolerance, and equal counts.
    public var isIdentical: Bool {
        missingRows == 0 && extraRows == 0 && changedRows == 0 && withinToleranceRows == 0 && duplicateRows == 0
            && sourceRows == targetRows
    }
}
