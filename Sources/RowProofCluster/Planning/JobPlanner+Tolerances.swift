import RowProofContracts
import RowProofCore
import RowProofSources

extension JobPlanner {
    /// The job's tolerances for `table`: the first matching table entry overrides the defaults.
    func tolerancePolicy(for table: TableName) -> TolerancePolicy {
        guard let tolerances = job.tolerances else { return .exact }
        let entry = tolerances.tables?.first { Self.entry($0, covers: table) }
        let rowCount = entry?.rowCount ?? tolerances.rowCount
        let columns = (entry?.columns ?? []) + (tolerances.columns ?? [])
        return TolerancePolicy(
            columns: columns.map {
                ColumnToleranceRule(
                    column: GlobPattern($0.column),
                    tolerance: .init(absolute: $0.absolute, relative: $0.relative)
                )
            },
            rowCount: CountTolerance(absolute: rowCount?.absolute, relative: rowCount?.relative),
            maxChangedRowRatio: entry?.changedRowRatio ?? tolerances.changedRowRatio
        )
    }

    /// Whether a table entry's glob matches `table`, schema-qualified or by its name alone.
    static func entry(_ entry: TableTolerance, covers table: TableName) -> Bool {
        GlobPattern(entry.table).matches("\(table)") || GlobPattern(entry.table).matches(table.name)
    }

    /// Refuses tolerances that apply to nothing: a table entry whose glob matches none of the
    /// job's tables, or a column rule that matches no compared column of the tables it covers.
    /// Such a rule is almost always a typo, and a typo here would leave a column exact that the
    /// job meant to tolerate (or hide that the tolerance never took effect).
    func checkTolerancesApply(to tables: [PlannedTable]) throws {
        guard let tolerances = job.tolerances else { return }
        let tableList = tables.map { "\($0.source)" }.joined(separator: ", ")
        func unmatched(
            _ rules: [RowProofContracts.ColumnTolerance]?,
            in covered: [PlannedTable],
            at path: String
        ) throws {
            for (index, rule) in (rules ?? []).enumerated() {
                let pattern = GlobPattern(rule.column)
                guard !covered.contains(where: { $0.sourceColumns.contains(where: pattern.matches) }) else { continue }
                let columns = Set(covered.flatMap(\.sourceColumns)).sorted().joined(separator: ", ")
                throw PlanningError(
                    "\(path)[\(index)].column \"\(rule.column)\" matches no compared column",
                    hint: "name a column (source names) the job compares, or a glob of them; compared columns: "
                        + (columns.isEmpty ? "none" : columns)
                )
            }
        }
        for (index, entry) in (tolerances.tables ?? []).enumerated() {
            let covered = tables.filter { Self.entry(entry, covers: $0.source) }
            guard !covered.isEmpty else {
                throw PlanningError(
                    "tolerances.tables[\(index)].table \"\(entry.table)\" matches none of the job's tables",
                    hint:
                        "name a source table of the job (with or without its schema), or a glob of them; tables: \(tableList)"
                )
            }
            try unmatched(entry.columns, in: covered, at: "tolerances.tables[\(index)].columns")
        }
        try unmatched(tolerances.columns, in: tables, at: "tolerances.columns")
    }
}
