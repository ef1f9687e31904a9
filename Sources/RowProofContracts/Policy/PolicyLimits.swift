/// Limits on what a report records; the counts always cover every difference.
public struct PolicyLimits: ContractModel {
    /// Differences recorded per table.
    public var maxDifferencesPerTable: Int
    /// Longest value (UTF-8 bytes) shown in a difference before it is truncated.
    public var maxValueBytes: Int?

    /// Creates limits.
    public init(maxDifferencesPerTable: Int, maxValueBytes: Int? = nil) {
        self.maxDifferencesPerTable = maxDifferencesPerTable
        self.maxValueBytes = maxValueBytes
    }

    enum CodingKeys: String, CodingKey {
        case maxDifferencesPerTable = "max_differences_per_table"
        case maxValueBytes = "max_value_bytes"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["max_differences_per_table"].check(maxDifferencesPerTable, atLeast: 0)
        if let maxValueBytes { try path["max_value_bytes"].check(maxValueBytes, atLeast: 16) }
    }
}
