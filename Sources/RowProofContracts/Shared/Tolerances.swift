/// Tolerances of a job or a policy: defaults, then per-table overrides (first matching glob
/// wins). Without tolerances every difference counts.
public struct Tolerances: ContractModel {
    /// The default row-count tolerance.
    public var rowCount: RowCountTolerance?
    /// The default largest fraction of changed rows accepted (0 ... 1).
    public var changedRowRatio: Double?
    /// Column tolerances for every table, first matching glob wins.
    public var columns: [ColumnTolerance]?
    /// Per-table overrides.
    public var tables: [TableTolerance]?

    /// Creates tolerances.
    public init(
        rowCount: RowCountTolerance? = nil,
        changedRowRatio: Double? = nil,
        columns: [ColumnTolerance]? = nil,
        tables: [TableTolerance]? = nil
    ) {
        self.rowCount = rowCount
        self.changedRowRatio = changedRowRatio
        self.columns = columns
        self.tables = tables
    }

    enum CodingKeys: String, CodingKey {
        case rowCount = "row_count"
        case changedRowRatio = "changed_row_ratio"
        case columns
        case tables
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try rowCount.validateIfPresent(at: path["row_count"])
        if let changedRowRatio { try path["changed_row_ratio"].check(changedRowRatio, in: 0...1) }
        try columns?.validateEach(at: path["columns"])
        try tables?.validateEach(at: path["tables"])
    }
}
