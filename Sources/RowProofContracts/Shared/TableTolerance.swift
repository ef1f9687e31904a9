/// Tolerances for the tables whose name matches a glob; they override the defaults.
public struct TableTolerance: ContractModel {
    /// The table name or glob.
    public var table: String
    /// The row-count tolerance for these tables.
    public var rowCount: RowCountTolerance?
    /// The largest fraction of changed rows accepted (0 ... 1).
    public var changedRowRatio: Double?
    /// Column tolerances, first matching glob wins.
    public var columns: [ColumnTolerance]?

    /// Creates tolerances for the tables matching `table`.
    public init(
        table: String,
        rowCount: RowCountTolerance? = nil,
        changedRowRatio: Double? = nil,
        columns: [ColumnTolerance]? = nil
    ) {
        self.table = table
        self.rowCount = rowCount
        self.changedRowRatio = changedRowRatio
        self.columns = columns
    }

    enum CodingKeys: String, CodingKey {
        case table
        case rowCount = "row_count"
        case changedRowRatio = "changed_row_ratio"
        case columns
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["table"].checkNotEmpty(table)
        try rowCount.validateIfPresent(at: path["row_count"])
        if let changedRowRatio { try path["changed_row_ratio"].check(changedRowRatio, in: 0...1) }
        try columns?.validateEach(at: path["columns"])
    }
}
