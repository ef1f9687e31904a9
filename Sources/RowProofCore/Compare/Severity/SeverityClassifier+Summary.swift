extension SeverityClassifier {
    /// Classifies everything `summary` found in `table` and returns the findings (highest
    /// severity first) with the verdict.
    ///
    /// Missing, extra and duplicate-key rows are one finding per kind. Changed and
    /// within-tolerance rows are classified per column (rules may name columns), using the
    /// per-column statistics. A failed row-count check is a `count` finding; a changed-row ratio
    /// beyond its limit is a `changed` finding of at least ``Severity/error``, since the limit
    /// exists to fail the comparison.
    public func assess(_ summary: DiffSummary, table: String? = nil) -> SeverityAssessment {
        var findings: [SeverityFinding] = []
        for kind in [DifferenceKind.missing, .extra, .duplicateKey] where summary.count(of: kind) > 0 {
            findings.append(
                SeverityFinding(kind: kind, count: summary.count(of: kind), severity: severity(of: kind, table: table))
            )
        }
        for statistics in summary.columnStatistics {
            if statistics.mismatches > 0 {
                findings.append(
                    SeverityFinding(
                        kind: .changed,
                        column: statistics.column,
                        count: statistics.mismatches,
                        severity: severity(of: .changed, table: table, column: statistics.column)
                    )
                )
            }
            if statistics.withinTolerance > 0 {
                findings.append(
                    SeverityFinding(
                        kind: .withinTolerance,
                        column: statistics.column,
                        count: statistics.withinTolerance,
                        severity: severity(of: .withinTolerance, table: table, column: statistics.column)
                    )
                )
            }
        }
        if !summary.rowCountCheck.passed {
            findings.append(SeverityFinding(kind: .count, count: 1, severity: severity(of: .count, table: table)))
        }
        if !summary.changedRatioCheck.passed {
            findings.append(
                SeverityFinding(
                    kind: .changed,
                    count: summary.changedRows,
                    severity: max(severity(of: .changed, table: table), .error)
                )
            )
        }
        findings.sort { $0.severity > $1.severity }
        return SeverityAssessment(findings: findings, verdict: verdict(highest: findings.first?.severity))
    }
}
