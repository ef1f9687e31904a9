/// Everything a table comparison tolerates: per-column numeric drift, row-count drift and a cap
/// on the share of changed rows.
///
/// Column rules are tried in order and the first whose pattern matches the column name wins;
/// a column no rule matches is compared exactly.
public struct TolerancePolicy: Sendable, Hashable, Codable {
    /// Per-column tolerances, first match wins.
    public var columns: [ColumnToleranceRule]
    /// The allowed difference between the source and target row counts.
    public var rowCount: CountTolerance
    /// The largest allowed share of changed rows among rows present on both sides (0.0 to 1.0);
    /// `nil` sets no limit.
    public var maxChangedRowRatio: Double?

    /// Creates a policy; the defaults compare everything exactly and set no changed-row limit.
    public init(
        columns: [ColumnToleranceRule] = [],
        rowCount: CountTolerance = .exact,
        maxChangedRowRatio: Double? = nil
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.maxChangedRowRatio = maxChangedRowRatio
    }

    /// Exact comparison everywhere.
    public static let exact = TolerancePolicy()

    /// The tolerance of the first rule matching `column`, or ``ColumnTolerance/exact``.
    public func tolerance(forColumn column: String) -> ColumnTolerance {
        columns.first { $0.column.matches(column) }?.tolerance ?? .exact
    }

    /// Checks every bound is finite and in range.
    ///
    /// - Throws: ``CompareError/Code-swift.struct/invalidConfiguration`` naming the setting.
    public func validate() throws {
        for rule in columns { try rule.tolerance.validate(column: rule.column.pattern) }
        if let absolute = rowCount.absolute, absolute < 0 {
            throw CompareError(.invalidConfiguration, "row-count tolerance: absolute is \(absolute); use a number >= 0")
        }
        if let relative = rowCount.relative, !(relative.isFinite && relative >= 0) {
            throw CompareError(
                .invalidConfiguration,
                "row-count tolerance: relative is \(relative); use a finite number >= 0"
            )
        }
        if let ratio = maxChangedRowRatio, !(ratio >= 0 && ratio <= 1) {
            throw CompareError(
                .invalidConfiguration,
                "maximum changed-row ratio is \(ratio); use a number from 0 to 1 (0.01 is 1%)"
            )
        }
    }
}
