/// A tolerance for every column whose name matches a pattern.
public struct ColumnToleranceRule: Sendable, Hashable, Codable {
    /// The column name or glob (`amount`, `price_*`).
    public var column: GlobPattern
    /// The tolerance for matching columns.
    public var tolerance: ColumnTolerance

    /// Creates a rule.
    public init(column: GlobPattern, tolerance: ColumnTolerance) {
        self.column = column
        self.tolerance = tolerance
    }
}
