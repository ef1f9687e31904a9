import RowProofContracts

extension TableAnalysis {
    /// One hypothesis per (column, pattern) found among the changed cells, plus a generic
    /// "rewritten by the load" one per column.
    func columnHypotheses(_ cells: [Cell]) -> [DiffHypothesis] {
        var result: [DiffHypothesis] = []
        let byColumn = Dictionary(grouping: cells, by: \.column)
        for column in byColumn.keys.sorted() {
            let columnCells = byColumn[column] ?? []
            let familyWeight = Dictionary(grouping: columnCells, by: \.finding.family).mapValues {
                $0.reduce(0) { $0 + $1.weight }
            }
            for pattern in DiffPattern.allCases {
                let fitting = columnCells.filter { $0.finding.pattern == pattern }
                guard !fitting.isEmpty else { continue }
                let comparable = familyWeight[fitting[0].finding.family] ?? 0
                if pattern == .timeZoneShift {
                    result.append(timeShift(column: column, cells: fitting, comparable: comparable))
                } else {
                    result.append(
                        valuePattern(pattern, column: column, cells: fitting, comparable: comparable)
                    )
                }
            }
        }
        return result
    }

    /// One generic "rewritten by the load" hypothesis per column, credited with the cells no
    /// specific pattern explains.
    func columnTransforms(_ cells: [Cell], residual: [Cell]) -> [DiffHypothesis] {
        let byColumn = Dictionary(grouping: cells, by: \.column)
        return byColumn.keys.sorted().map { column in
            let columnCells = byColumn[column] ?? []
            let unexplained = residual.filter { $0.column == column }
            let weight = unexplained.reduce(0) { $0 + $1.weight }
            return hypothesis(
                .columnTransform,
                column: column,
                finding:
                    "\(columnCells.count) sampled rows differ in \(column), \(unexplained.count) of them fit no specific pattern",
                keys: columnCells.map(\.key),
                explained: weight,
                comparable: weight,
                fix: DiffFix.columnTransform(table: table, column: column, keys: columnCells.map(\.key)),
                notes: Self.explainedAway(columnCells.count - unexplained.count)
            )
        }
    }

    static func explainedAway(_ count: Int) -> [String] {
        count == 0
            ? []
            : [
                "\(count) of the rows it fits are explained by a more specific hypothesis and do not count for this one"
            ]
    }

    /// The time shift with the most common offset; cells with other offsets contradict it.
    private func timeShift(column: String, cells: [Cell], comparable: Double) -> DiffHypothesis {
        var weightByDelta: [Int64: Double] = [:]
        for cell in cells {
            if case .timeShift(let delta) = cell.finding {
                weightByDelta[delta, default: 0] += cell.weight
            }
        }
        let modal = weightByDelta.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
        let fitting = cells.filter { $0.finding == .timeShift(deltaMicros: modal) }
        let explained = fitting.reduce(0) { $0 + $1.weight }
        let isZoneLike = modal % 900_000_000 == 0 && abs(modal) <= 26 * 3_600_000_000
        var notes: [String] = []
        if weightByDelta.count > 1 {
            notes.append(
                "\(weightByDelta.count) different offsets seen; \(fitting.count) of \(cells.count) shifted values use \(DurationText.describe(micros: modal))"
            )
        }
        if !isZoneLike {
            notes.append(
                "the offset is not a whole quarter hour, so it is unlikely to be a time zone; look for a clock or epoch error"
            )
        }
        let finding =
            "target = source \(DurationText.describe(micros: modal)) in \(fitting.count) sampled rows"
            + (isZoneLike ? " (a UTC offset of \(DurationText.offset(micros: modal)))" : "")
        return hypothesis(
            .timeZoneShift,
            column: column,
            finding: finding,
            keys: fitting.map(\.key),
            explained: explained,
            comparable: isZoneLike ? comparable : comparable * 2,
            fix: DiffFix.timeShift(table: table, column: column, deltaMicros: modal),
            notes: notes
        )
    }

    private func valuePattern(
        _ pattern: DiffPattern,
        column: String,
        cells: [Cell],
        comparable: Double
    ) -> DiffHypothesis {
        let explained = cells.reduce(0) { $0 + $1.weight }
        let finding: String
        let fix: DiffFix
        switch pattern {
        case .precisionLoss:
            let scales = Set(
                cells.compactMap { if case .precision(let kept) = $0.finding { kept } else { nil } }
            )
            let kept = scales.min()
            finding =
                kept.map {
                    "values differ by less than 10^-\($0) (only \($0) decimals kept) in \(cells.count) sampled rows"
                }
                ?? "values equal to about 7 significant digits (single-precision float) in \(cells.count) sampled rows"
            fix = DiffFix.precision(column: column, keptScale: kept)
        case .nullSemantics:
            let nullInTarget = cells.filter { $0.finding == .nullAgainstEmpty(nullInTarget: true) }.count
            let direction = nullInTarget * 2 >= cells.count
            finding =
                direction
                ? "'' in the source is NULL in the target in \(cells.count) sampled rows"
                : "NULL in the source is '' in the target in \(cells.count) sampled rows"
            fix = DiffFix.nullSemantics(column: column, emptyBecameNull: direction)
        case .charPadding:
            finding = "values equal once trailing blanks are removed in \(cells.count) sampled rows"
            fix = DiffFix.charPadding(column: column)
        case .caseOnly:
            finding = "values equal ignoring letter case in \(cells.count) sampled rows"
            fix = DiffFix.caseOnly(table: table, column: column, keys: cells.map(\.key))
        case .unicodeNormalization:
            finding = "values canonically equal (same text in NFC and NFD) in \(cells.count) sampled rows"
            fix = DiffFix.unicode(column: column)
        case .timeZoneShift, .truncatedLoad, .rejectedRows, .extraRows, .duplicateLoad,
            .columnTransform, .sourceChangedDuringCopy:
            finding = "\(cells.count) sampled rows"
            fix = DiffFix.columnTransform(table: table, column: column, keys: cells.map(\.key))
        }
        return hypothesis(
            pattern,
            column: column,
            finding: finding,
            keys: cells.map(\.key),
            explained: explained,
            comparable: comparable,
            fix: fix
        )
    }

    /// Every changed, missing or extra row could have been written on the source after it was
    /// copied (an update, an insert, a delete).
    func sourceChanged(
        _ cells: [Cell],
        rows: [DifferenceSample],
        residualCells: [Cell],
        residualRows: [DifferenceSample]
    ) -> DiffHypothesis {
        let keys = Array(Set(cells.map(\.key) + rows.map(\.keyText))).sorted()
        let explained = residualCells.reduce(0) { $0 + $1.weight } + Double(residualRows.count)
        var notes = [
            "fits any changed, missing or extra row, so it predicts nothing about the values; confirm it by re-reading the rows"
        ]
        if !hasSnapshot {
            notes.append("the report has no snapshot: each chunk was read at a different instant")
        }
        notes += Self.explainedAway(cells.count + rows.count - residualCells.count - residualRows.count)
        return hypothesis(
            .sourceChangedDuringCopy,
            column: nil,
            finding: "\(keys.count) sampled rows changed, appeared or disappeared",
            keys: keys,
            explained: explained,
            comparable: explained,
            fix: DiffFix.recheck(table: table),
            notes: notes
        )
    }
}
