/// What kind of difference a finding is; severity rules select on it.
public enum DifferenceKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A key present in the source only.
    case missing
    /// A key present in the target only.
    case extra
    /// A key present on both sides whose values differ beyond tolerance.
    case changed
    /// A key seen more than once on one side.
    case duplicateKey
    /// A key present on both sides whose values differ only within tolerance.
    case withinTolerance
    /// Row counts differ beyond the row-count tolerance.
    case count
    /// A column aggregate (count, nulls, min, max, sum) differs.
    case aggregate

    /// The name as written in rules and reports.
    public var description: String { rawValue }

    /// The severity used when no rule matches: missing, extra, duplicate keys and counts are
    /// critical; changed rows and aggregates are errors; within-tolerance rows are info.
    public var defaultSeverity: Severity {
        switch self {
        case .missing, .extra, .duplicateKey, .count: .critical
        case .changed, .aggregate: .error
        case .withinTolerance: .info
        }
    }
}
