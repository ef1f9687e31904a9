public import RowProofCore

/// What to read from a table: which columns in which order, keyed how, over which key range.
public struct ScanRequest: Sendable, Hashable {
    /// One column of the column plan: its name at the source and the logical type to encode it as.
    public struct Column: Sendable, Hashable {
        /// The source column's name, exactly as the engine spells it.
        public var name: String
        /// The logical type its values are canonicalized as; it must be the column's own.
        public var logicalType: LogicalType

        /// Creates a plan column.
        public init(name: String, logicalType: LogicalType) {
            self.name = name
            self.logicalType = logicalType
        }
    }

    /// The table to read.
    public var table: TableName
    /// The column plan: the row's canonical bytes hold these columns in this order.
    public var columns: [Column]
    /// The key columns in key order; they need not be in the plan.
    public var keyColumns: [String]
    /// The key range to read; ``KeyRange/all`` for everything.
    public var range: KeyRange
    /// Keyless multiset mode: no key, no order, every row's key is empty and `range` must be ``KeyRange/all``.
    public var isKeyless: Bool
    /// A row filter in the engine's SQL (without `WHERE`), added to the scan's own conditions;
    /// it must be one condition (balanced parentheses, no `;`, no comment).
    public var filter: String?

    /// Creates a keyed scan.
    public init(table: TableName, columns: [Column], keyColumns: [String], range: KeyRange = .all) {
        self.table = table
        self.columns = columns
        self.keyColumns = keyColumns
        self.range = range
        self.isKeyless = false
        self.filter = nil
    }

    /// Creates a keyless (multiset) scan of the whole table.
    public static func keyless(table: TableName, columns: [Column]) -> ScanRequest {
        var request = ScanRequest(table: table, columns: columns, keyColumns: [])
        request.isKeyless = true
        return request
    }

    /// The plan's column names, in order (for naming columns in errors).
    public var columnNames: [String] { columns.map(\.name) }
}
