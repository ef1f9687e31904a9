public import RowProofContracts

/// Finds the likely root causes of the differences in a reconciliation report and ranks them.
///
/// Every differing value pair in the report's sample is classified against the known patterns
/// (``DiffPattern``): a constant time offset, a loss of decimals, NULL against `''`, trailing
/// blanks, case only, NFC against NFD; missing keys are checked for contiguous ranges. Each
/// candidate cause becomes a ``DiffHypothesis`` ranked by
/// `coverage × consistency × specificity`:
/// - coverage: the share of all differing rows in the report it explains (a row whose k columns
///   differ counts 1/k per column; truncated samples are extrapolated to the table's counts);
/// - consistency: the share of comparable differences (same column, same kind of value) it fits,
///   so a time shift whose offsets disagree ranks below one with a single offset;
/// - specificity: how much the pattern predicts (``DiffPattern/specificity``), so a generic cause
///   ("the source changed while copying") never outranks a precise one that explains as much.
public struct DiffExplainer: Sendable {
    /// Creates an explainer.
    public init() {}

    /// Explains `report`'s differences; hypotheses come back best first.
    public func explain(_ report: ReconReport) -> DiffExplanation {
        let reportTotal = report.tables.reduce(0) { $0 + $1.differingRows }
        var hypotheses: [DiffHypothesis] = []
        var warnings: [String] = []
        for table in report.tables where table.differingRows > 0 {
            var analysis = TableAnalysis(
                table: table,
                reportTotal: reportTotal,
                hasSnapshot: report.snapshot != nil
            )
            hypotheses += analysis.hypotheses()
            warnings += analysis.warnings
        }
        hypotheses.sort {
            ($0.score, $0.explainedSampleRows, $1.table, $1.column ?? "", $1.pattern.rawValue)
                > ($1.score, $1.explainedSampleRows, $0.table, $0.column ?? "", $0.pattern.rawValue)
        }
        return DiffExplanation(
            job: report.job.name,
            differingRows: reportTotal,
            hypotheses: hypotheses,
            warnings: warnings
        )
    }
}

extension TableReport {
    /// Rows that differ: changed, missing, extra and duplicate keys (differences within tolerance
    /// are accepted and not explained).
    var differingRows: Int {
        counts.changed + counts.missing + counts.extra + counts.duplicateKeys
    }

    /// The sampled differences to explain (within-tolerance ones excluded).
    var explainableSamples: [DifferenceSample] {
        differences.filter { $0.kind != .withinTolerance }
    }
}

extension DifferenceSample {
    /// The key as people write it: `id=3`, `region='emea', customer_no=5`.
    var keyText: String {
        key.sorted { $0.key < $1.key }.map { "\($0.key)=\(SampleValue($0.value).display)" }.joined(
            separator: ", "
        )
    }
}
