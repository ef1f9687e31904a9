/// The fixed column order of one table, recorded so a reader can recompute any row hash.
public struct TableColumnPlan: ContractModel {
    /// The source table.
    public var table: String
    /// The columns in plan order; positions run from 0.
    public var columns: [PlannedColumn]

    /// Creates a table's column plan.
    public init(table: String, columns: [PlannedColumn]) {
        self.table = table
        self.columns = columns
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["table"].checkNotEmpty(table)
        try columns.validateEach(at: path["columns"])
        for (index, column) in columns.enumerated() where column.position != index {
            throw path["columns"][index]["position"].fail(
                "must be \(index): positions follow plan order from 0 (got \(column.position))"
            )
        }
        try path["columns"].checkUnique(columns.map(\.source)) { "source column \"\($0)\"" }
    }
}
