import RowProofContracts

/// The explanation of one table's differences: its sampled cells classified, then grouped into
/// hypotheses.
struct TableAnalysis {
    /// One differing value of a changed row.
    struct Cell {
        var column: String
        var key: String
        var weight: Double
        var finding: CellFinding
    }

    let table: TableReport
    let reportTotal: Int
    let hasSnapshot: Bool
    private(set) var warnings: [String] = []

    init(table: TableReport, reportTotal: Int, hasSnapshot: Bool) {
        self.table = table
        self.reportTotal = reportTotal
        self.hasSnapshot = hasSnapshot
    }

    /// Sampled rows stand for this many differing rows of the table.
    var scale: Double {
        let sampled = table.explainableSamples.count
        return sampled == 0 ? 0 : Double(table.differingRows) / Double(sampled)
    }

    mutating func hypotheses() -> [DiffHypothesis] {
        let samples = table.explainableSamples
        if samples.isEmpty {
            warnings.append(
                "\(table.sourceTable): \(table.differingRows) rows differ but the report holds no sample of them; "
                    + "re-run the reconciliation with a policy whose limits.max_differences_per_table is above 0"
            )
            return []
        }
        if table.differencesTruncated {
            warnings.append(
                "\(table.sourceTable): the report sampled \(samples.count) of \(table.differingRows) differing rows; "
                    + "row counts per hypothesis are extrapolated from the sample"
            )
        }
        let cells = changedCells(samples)
        let missing = samples.filter { $0.kind == .missing }
        let rowLevel = samples.filter { $0.kind == .missing || $0.kind == .extra }
        var result = columnHypotheses(cells) + truncatedLoad(missing)
        // Explaining away: generic causes are credited only with the rows no specific pattern explains.
        let specific = result.filter { $0.pattern.specificity == 1 }
        let explainedCells = Set(
            specific.flatMap { hypothesis in hypothesis.keys.map { "\($0)|\(hypothesis.column ?? "")" } }
        )
        let explainedRows = Set(specific.filter { $0.column == nil }.flatMap(\.keys))
        let residualCells = cells.filter { !explainedCells.contains("\($0.key)|\($0.column)") }
        let residualMissing = missing.filter { !explainedRows.contains($0.keyText) }
        let residualRows = rowLevel.filter { !explainedRows.contains($0.keyText) }
        result += columnTransforms(cells, residual: residualCells)
        if !cells.isEmpty || !rowLevel.isEmpty {
            result.append(
                sourceChanged(
                    cells,
                    rows: rowLevel,
                    residualCells: residualCells,
                    residualRows: residualRows
                )
            )
        }
        if !missing.isEmpty { result.append(rejectedRows(missing, residual: residualMissing)) }
        result += rowHypotheses(samples.filter { $0.kind == .extra }, pattern: .extraRows)
        result += rowHypotheses(samples.filter { $0.kind == .duplicateKey }, pattern: .duplicateLoad)
        return result
    }

    private mutating func changedCells(_ samples: [DifferenceSample]) -> [Cell] {
        var cells: [Cell] = []
        var redacted = 0
        for sample in samples where sample.kind == .changed {
            let columns = sample.columns.isEmpty ? ["(row)"] : sample.columns
            let weight = 1 / Double(columns.count)
            for column in columns {
                let finding: CellFinding
                if sample.isRedacted {
                    redacted += 1
                    finding = .unexplained(family: .other)
                } else if let source = sample.source?[column], let target = sample.target?[column] {
                    finding = CellFinding.classify(source: SampleValue(source), target: SampleValue(target))
                } else {
                    finding = .unexplained(family: .other)
                }
                cells.append(Cell(column: column, key: sample.keyText, weight: weight, finding: finding))
            }
        }
        if redacted > 0 {
            warnings.append(
                "\(table.sourceTable): \(redacted) differing values were redacted by the policy and could not be "
                    + "classified; run the explanation on a report written with a policy that does not redact those columns"
            )
        }
        return cells
    }

    func hypothesis(
        _ pattern: DiffPattern,
        column: String?,
        finding: String,
        keys: [String],
        explained: Double,
        comparable: Double,
        fix: DiffFix,
        notes: [String] = []
    ) -> DiffHypothesis {
        let estimated = explained * scale
        return DiffHypothesis(
            pattern: pattern,
            table: table.sourceTable,
            column: column,
            finding: finding,
            keys: keys,
            explainedSampleRows: explained,
            contradictingSampleRows: max(0, comparable - explained),
            estimatedRows: Int(estimated.rounded()),
            coverage: reportTotal == 0 ? 0 : min(1, estimated / Double(reportTotal)),
            consistency: comparable == 0 ? 0 : min(1, explained / comparable),
            fix: fix,
            notes: notes
        )
    }
}
