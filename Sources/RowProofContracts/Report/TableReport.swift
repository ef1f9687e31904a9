/// The result for one table pair.
public struct TableReport: ContractModel {
    /// The source table.
    public var sourceTable: String
    /// The target table.
    public var targetTable: String
    /// How the table was compared.
    public var strategy: ReconStrategy
    /// What a pass proves for this table.
    public var guarantee: Guarantee
    /// Target columns outside the column plan, which were not compared; `nil` when there are none.
    public var targetOnlyColumns: [String]?
    /// The job's row filter (SQL), when only the rows it holds for were compared on both sides:
    /// the report then says nothing about the other rows.
    public var rowFilter: String?
    /// Row counts.
    public var counts: RowCounts
    /// Per-column mismatch statistics.
    public var columns: [ColumnMismatch]
    /// Column aggregates of each side.
    public var aggregates: AggregateSides
    /// A sample of the differences, capped and redacted per policy.
    public var differences: [DifferenceSample]
    /// Whether more differences exist than were recorded.
    public var differencesTruncated: Bool
    /// Digests per key-range chunk, in key order.
    public var chunks: [ChunkDigest]
    /// The highest severity found in the table.
    public var severity: Severity
    /// The table's verdict.
    public var verdict: Verdict
    /// What the re-check of differing chunks showed, when the job asked for one.
    public var recheck: RecheckSummary?

    /// Creates a table result.
    public init(
        sourceTable: String,
        targetTable: String,
        strategy: ReconStrategy,
        guarantee: Guarantee,
        counts: RowCounts,
        columns: [ColumnMismatch],
        aggregates: AggregateSides,
        differences: [DifferenceSample],
        differencesTruncated: Bool,
        chunks: [ChunkDigest],
        severity: Severity,
        verdict: Verdict,
        recheck: RecheckSummary? = nil,
        targetOnlyColumns: [String]? = nil,
        rowFilter: String? = nil
    ) {
        self.recheck = recheck
        self.targetOnlyColumns = targetOnlyColumns
        self.rowFilter = rowFilter
        self.sourceTable = sourceTable
        self.targetTable = targetTable
        self.strategy = strategy
        self.guarantee = guarantee
        self.counts = counts
        self.columns = columns
        self.aggregates = aggregates
        self.differences = differences
        self.differencesTruncated = differencesTruncated
        self.chunks = chunks
        self.severity = severity
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case sourceTable = "source_table"
        case targetTable = "target_table"
        case strategy, guarantee
        case targetOnlyColumns = "target_only_columns"
        case rowFilter = "row_filter"
        case counts, columns, aggregates, differences
        case differencesTruncated = "differences_truncated"
        case chunks, severity, verdict, recheck
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["source_table"].checkNotEmpty(sourceTable)
        try path["target_table"].checkNotEmpty(targetTable)
        if let rowFilter { try path["row_filter"].checkNotEmpty(rowFilter) }
        if let targetOnlyColumns {
            for (index, name) in targetOnlyColumns.enumerated() {
                try path["target_only_columns"][index].checkNotEmpty(name)
            }
            try path["target_only_columns"].checkUnique(targetOnlyColumns) { "column \"\($0)\"" }
        }
        try counts.validate(at: path["counts"])
        try columns.validateEach(at: path["columns"])
        try path["columns"].checkUnique(columns.map(\.column)) { "column \"\($0)\"" }
        try aggregates.validate(at: path["aggregates"])
        try differences.validateEach(at: path["differences"])
        try chunks.validateEach(at: path["chunks"])
        if let recheck { try recheck.validate(at: path["recheck"]) }
        try path["chunks"].checkUnique(chunks.map(\.chunkID)) { "chunk_id \($0)" }
        if !chunks.isEmpty {
            let source = chunks.reduce(0) { $0 + $1.source.count }
            let target = chunks.reduce(0) { $0 + $1.target.count }
            guard source == counts.rowsSource, target == counts.rowsTarget else {
                throw path["chunks"].fail(
                    "chunk counts add up to \(source) source and \(target) target rows, "
                        + "but counts say \(counts.rowsSource) and \(counts.rowsTarget)"
                )
            }
        }
    }
}
