/// One classified finding of a comparison: a kind of difference, the column it concerns (if
/// any), how many rows it covers, and its severity.
public struct SeverityFinding: Sendable, Hashable, Codable {
    /// The kind of difference.
    public var kind: DifferenceKind
    /// The column concerned, for per-column findings (changed, within tolerance, aggregate).
    public var column: String?
    /// Rows (or, for `count`, checks) the finding covers.
    public var count: Int
    /// The severity the classifier assigned.
    public var severity: Severity

    /// Creates a finding.
    public init(kind: DifferenceKind, column: String? = nil, count: Int, severity: Severity) {
        self.kind = kind
        self.column = column
        self.count = count
        self.severity = severity
    }
}
