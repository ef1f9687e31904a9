/// How one column differed across all rows present on both sides.
public struct ColumnMismatchStatistics: Sendable, Hashable, Codable {
    /// The column's name in the column plan.
    public var column: String
    /// Rows whose value differs beyond the column's tolerance.
    public var mismatches: Int
    /// Rows whose value differs but within the column's tolerance.
    public var withinTolerance: Int
    /// The largest finite absolute difference seen, within tolerance or not (timestamps: seconds);
    /// `nil` when no numeric difference was seen.
    public var maxAbsoluteDifference: Double?

    /// Creates statistics; the defaults describe a column without differences.
    public init(column: String, mismatches: Int = 0, withinTolerance: Int = 0, maxAbsoluteDifference: Double? = nil) {
        self.column = column
        self.mismatches = mismatches
        self.withinTolerance = withinTolerance
        self.maxAbsoluteDifference = maxAbsoluteDifference
    }

    /// Records one differing value.
    public mutating func record(_ comparison: ColumnComparison) {
        if comparison.isWithinTolerance { withinTolerance += 1 } else { mismatches += 1 }
        if let difference = comparison.absoluteDifference {
            maxAbsoluteDifference = max(maxAbsoluteDifference ?? difference, difference)
        }
    }

    /// Adds the statistics of another chunk of the same column.
    public mutating func merge(_ other: ColumnMismatchStatistics) {
        mismatches += other.mismatches
        withinTolerance += other.withinTolerance
        if let difference = other.maxAbsoluteDifference {
            maxAbsoluteDifference = max(maxAbsoluteDifference ?? difference, difference)
        }
    }
}
