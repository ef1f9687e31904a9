/// How often one column differed.
public struct ColumnMismatch: ContractModel {
    /// The column (source name).
    public var column: String
    /// Rows where the column differs beyond tolerance.
    public var mismatches: Int
    /// Rows where the column differs within tolerance.
    public var withinTolerance: Int
    /// The largest absolute difference seen, for numeric columns.
    public var maxAbsDiff: Double?

    /// Creates column statistics.
    public init(column: String, mismatches: Int, withinTolerance: Int, maxAbsDiff: Double? = nil) {
        self.column = column
        self.mismatches = mismatches
        self.withinTolerance = withinTolerance
        self.maxAbsDiff = maxAbsDiff
    }

    enum CodingKeys: String, CodingKey {
        case column, mismatches
        case withinTolerance = "within_tolerance"
        case maxAbsDiff = "max_abs_diff"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["column"].checkNotEmpty(column)
        try path["mismatches"].check(mismatches, atLeast: 0)
        try path["within_tolerance"].check(withinTolerance, atLeast: 0)
        if let maxAbsDiff { try path["max_abs_diff"].check(maxAbsDiff, atLeast: 0) }
    }
}
