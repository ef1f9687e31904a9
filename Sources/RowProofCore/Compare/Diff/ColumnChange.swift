/// One column whose value differs between the source and target rows of the same key.
public struct ColumnChange: Sendable, Hashable {
    /// The column's 0-based position in the column plan.
    public var index: Int
    /// The column's name in the column plan.
    public var name: String
    /// The source value, decoded.
    public var source: CanonicalValue
    /// The target value, decoded.
    public var target: CanonicalValue
    /// How the difference compares with the column's tolerance.
    public var comparison: ColumnComparison

    /// Creates a column change.
    public init(index: Int, name: String, source: CanonicalValue, target: CanonicalValue, comparison: ColumnComparison)
    {
        self.index = index
        self.name = name
        self.source = source
        self.target = target
        self.comparison = comparison
    }
}
