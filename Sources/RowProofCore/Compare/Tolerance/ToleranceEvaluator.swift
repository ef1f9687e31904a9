/// Applies a ``TolerancePolicy`` to a table: decides, column by column, whether a differing value
/// is within tolerance, keeps per-column mismatch statistics, and runs the table-level checks.
///
/// The differ owns one evaluator per run; it is a plain value with no I/O.
public struct ToleranceEvaluator: Sendable {
    /// The policy being applied.
    public let policy: TolerancePolicy
    /// The column plan's names, in order.
    public let columnNames: [String]
    /// One entry per column of the plan, in order.
    public private(set) var statistics: [ColumnMismatchStatistics]
    private let tolerances: [ColumnTolerance]
    private let absoluteDecimals: [CanonicalDecimal?]

    /// Resolves each column's tolerance from `policy` (first matching rule wins).
    ///
    /// - Throws: ``CompareError/Code-swift.struct/invalidConfiguration`` when a bound is out of range.
    public init(policy: TolerancePolicy, columnNames: [String]) throws {
        try policy.validate()
        self.policy = policy
        self.columnNames = columnNames
        self.statistics = columnNames.map { ColumnMismatchStatistics(column: $0) }
        self.tolerances = columnNames.map { policy.tolerance(forColumn: $0) }
        self.absoluteDecimals = tolerances.map { $0.absolute.flatMap(NumericDifference.decimal) }
    }

    /// The tolerance applied to column `index`.
    public func tolerance(ofColumn index: Int) -> ColumnTolerance { tolerances[index] }

    /// Compares two differing values of column `index` and records the outcome in ``statistics``.
    public mutating func evaluate(column index: Int, source: CanonicalValue, target: CanonicalValue) -> ColumnComparison
    {
        let comparison = NumericDifference.compare(
            source,
            target,
            tolerance: tolerances[index],
            absoluteDecimal: absoluteDecimals[index]
        )
        statistics[index].record(comparison)
        return comparison
    }

    /// Compares two differing values against `tolerance`, without recording anything.
    public static func compare(
        _ source: CanonicalValue,
        _ target: CanonicalValue,
        tolerance: ColumnTolerance
    )
        -> ColumnComparison
    {
        NumericDifference.compare(
            source,
            target,
            tolerance: tolerance,
            absoluteDecimal: tolerance.absolute.flatMap(NumericDifference.decimal)
        )
    }

    /// Checks the row counts against ``TolerancePolicy/rowCount``.
    public func rowCountCheck(sourceRows: Int, targetRows: Int) -> ToleranceCheck {
        let difference = (sourceRows - targetRows).magnitude
        let larger = Double(max(sourceRows, targetRows))
        let bound = policy.rowCount
        var allowed = 0.0
        if let absolute = bound.absolute { allowed = max(allowed, Double(absolute)) }
        if let relative = bound.relative { allowed = max(allowed, relative * larger) }
        let passed = Double(difference) <= allowed
        return ToleranceCheck(
            kind: .rowCount,
            passed: passed,
            observed: Double(difference),
            allowed: allowed,
            detail: "source has \(sourceRows) rows, target \(targetRows): difference \(difference), "
                + (passed ? "within" : "beyond") + " the allowed \(allowed.messageText)"
        )
    }

    /// Checks `changedRows / comparedRows` against ``TolerancePolicy/maxChangedRowRatio``.
    ///
    /// - Parameters:
    ///   - changedRows: Rows that differ beyond tolerance.
    ///   - comparedRows: Rows present on both sides (matched, changed and within tolerance).
    public func changedRatioCheck(changedRows: Int, comparedRows: Int) -> ToleranceCheck {
        let ratio = comparedRows == 0 ? 0 : Double(changedRows) / Double(comparedRows)
        guard let limit = policy.maxChangedRowRatio else {
            return ToleranceCheck(
                kind: .changedRowRatio,
                passed: true,
                observed: ratio,
                allowed: nil,
                detail: "\(changedRows) of \(comparedRows) compared rows changed; no changed-row limit is set"
            )
        }
        let passed = ratio <= limit
        return ToleranceCheck(
            kind: .changedRowRatio,
            passed: passed,
            observed: ratio,
            allowed: limit,
            detail: "\(changedRows) of \(comparedRows) compared rows changed (ratio \(ratio.messageText)), "
                + (passed ? "within" : "beyond") + " the allowed ratio \(limit.messageText)"
        )
    }
}

extension Double {
    /// `12` rather than `12.0` for whole numbers, for messages.
    fileprivate var messageText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
