/// A key present on both sides whose rows differ, with every differing column.
public struct ChangedRow: Sendable, Hashable {
    /// The key encoding.
    public var key: [UInt8]
    /// The source row's hash.
    public var sourceHash: UInt64
    /// The target row's hash.
    public var targetHash: UInt64
    /// The 0-based position of the row in the source stream.
    public var sourcePosition: Int
    /// The 0-based position of the row in the target stream.
    public var targetPosition: Int
    /// The differing columns, in column-plan order; never empty.
    public var columns: [ColumnChange]

    /// Creates a changed row.
    public init(
        key: [UInt8],
        sourceHash: UInt64,
        targetHash: UInt64,
        sourcePosition: Int,
        targetPosition: Int,
        columns: [ColumnChange]
    ) {
        self.key = key
        self.sourceHash = sourceHash
        self.targetHash = targetHash
        self.sourcePosition = sourcePosition
        self.targetPosition = targetPosition
        self.columns = columns
    }

    /// Whether every differing column is within its tolerance.
    public var isWithinTolerance: Bool { columns.allSatisfy(\.comparison.isWithinTolerance) }
}
