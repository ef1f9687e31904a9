public import RowProofContracts
public import RowProofCore

/// One table pair after discovery: its column plan, key, strategy and chunks.
public struct PlannedTable: Sendable, Hashable, Codable {
    /// The pair's index in the job.
    public var index: Int
    /// The source table.
    public var source: TableName
    /// The target table.
    public var target: TableName
    /// Column plan: source names, in plan order.
    public var sourceColumns: [String]
    /// Column plan: target names, in plan order.
    public var targetColumns: [String]
    /// Logical types, in plan order.
    public var columnTypes: [RowProofCore.LogicalType]
    /// Key columns (source names), in key order; empty for keyless tables.
    public var keyColumns: [String]
    /// Key columns as the target names them.
    public var targetKeyColumns: [String]
    /// The comparison strategy.
    public var strategy: ReconStrategy
    /// Estimated source rows (planning statistics).
    public var estimatedRows: Int
    /// The chunk ids of this table, in key order.
    public var chunkIDs: [Int]
    /// Engine types of the plan's columns, per side (for the report's column plan).
    public var sourceEngineTypes: [String]
    /// Engine types of the target's columns.
    public var targetEngineTypes: [String]
    /// Target columns outside the column plan (not compared); `nil` when there are none.
    public var targetOnlyColumns: [String]?
    /// The job's row filter for this table (SQL, both sides), if any.
    public var rowFilter: String?

    /// Whether the table has no key and is compared as a multiset.
    public var isKeyless: Bool { keyColumns.isEmpty }

    /// Creates a planned table.
    public init(
        index: Int,
        source: TableName,
        target: TableName,
        sourceColumns: [String],
        targetColumns: [String],
        columnTypes: [RowProofCore.LogicalType],
        keyColumns: [String],
        targetKeyColumns: [String],
        strategy: ReconStrategy,
        estimatedRows: Int,
        chunkIDs: [Int],
        sourceEngineTypes: [String],
        targetEngineTypes: [String],
        targetOnlyColumns: [String]? = nil,
        rowFilter: String? = nil
    ) {
        self.index = index
        self.source = source
        self.target = target
        self.sourceColumns = sourceColumns
        self.targetColumns = targetColumns
        self.columnTypes = columnTypes
        self.keyColumns = keyColumns
        self.targetKeyColumns = targetKeyColumns
        self.strategy = strategy
        self.estimatedRows = estimatedRows
        self.chunkIDs = chunkIDs
        self.sourceEngineTypes = sourceEngineTypes
        self.targetEngineTypes = targetEngineTypes
        self.targetOnlyColumns = targetOnlyColumns
        self.rowFilter = rowFilter
    }
}
