/// One column of a table as a source discovered it.
public struct ColumnDescription: Sendable, Hashable, Codable {
    /// The column's name, exactly as the engine spells it.
    public var name: String
    /// The engine's type name, after resolving domains and enums to their base (`numeric(12,2)`, `text`).
    public var engineType: String
    /// The logical type its values are canonicalized as, or `nil` when the engine type has no
    /// canonical form (exclude the column from the job, or cast it in a view).
    public var logicalType: LogicalType?
    /// Whether the column may hold NULL.
    public var isNullable: Bool
    /// The column's 1-based position in the table.
    public var ordinal: Int

    /// Creates a column description.
    public init(name: String, engineType: String, logicalType: LogicalType?, isNullable: Bool, ordinal: Int) {
        self.name = name
        self.engineType = engineType
        self.logicalType = logicalType
        self.isNullable = isNullable
        self.ordinal = ordinal
    }
}
