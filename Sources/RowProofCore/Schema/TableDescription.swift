/// A table as a source discovered it: columns, keys and a size estimate.
public struct TableDescription: Sendable, Hashable, Codable {
    /// The schema the table lives in (`public`, `main`).
    public var schema: String
    /// The table's name.
    public var name: String
    /// The columns in table order.
    public var columns: [ColumnDescription]
    /// The primary key's column names in key order; empty when the table has none.
    public var primaryKey: [String]
    /// Each unique constraint (or unique index) as its column names in order.
    public var uniqueConstraints: [[String]]
    /// The engine's estimate of the row count (statistics, not a count); `nil` when unknown.
    public var estimatedRows: Int?

    /// Creates a table description.
    public init(
        schema: String,
        name: String,
        columns: [ColumnDescription],
        primaryKey: [String],
        uniqueConstraints: [[String]],
        estimatedRows: Int?
    ) {
        self.schema = schema
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.estimatedRows = estimatedRows
    }

    /// The qualified name.
    public var tableName: TableName { TableName(schema: schema, name) }

    /// The column called `name`, if any.
    public func column(named name: String) -> ColumnDescription? {
        columns.first { $0.name == name }
    }
}
