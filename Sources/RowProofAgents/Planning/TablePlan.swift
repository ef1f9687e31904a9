public import RowProofContracts

/// How one table should be reconciled, and why.
public struct TablePlan: Sendable, Equatable {
    /// The table (`schema.table`).
    public var table: String
    /// The strategy chosen.
    public var strategy: ReconStrategy
    /// Key columns; empty means the table is compared as a multiset of rows.
    public var keyColumns: [String]
    /// Rows per chunk.
    public var chunkRows: Int
    /// Tolerances for binary floating-point columns.
    public var tolerances: [ColumnTolerance]
    /// Columns the policy redacts in reports (sensitive).
    public var sensitiveColumns: [String]
    /// Each decision with the evidence behind it.
    public var reasons: [AgentClaim]

    /// Creates a table plan.
    public init(
        table: String,
        strategy: ReconStrategy,
        keyColumns: [String],
        chunkRows: Int,
        tolerances: [ColumnTolerance],
        sensitiveColumns: [String],
        reasons: [AgentClaim]
    ) {
        self.table = table
        self.strategy = strategy
        self.keyColumns = keyColumns
        self.chunkRows = chunkRows
        self.tolerances = tolerances
        self.sensitiveColumns = sensitiveColumns
        self.reasons = reasons
    }
}

/// How critical a table is to the business, as the planner's input.
public enum TableCriticality: String, Sendable, Hashable, CaseIterable {
    /// Losing a row would be noticed at once (payments, orders).
    case high
    /// The default.
    case normal
    /// Logs, caches, derived data.
    case low
}
