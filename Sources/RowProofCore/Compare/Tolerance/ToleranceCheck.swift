/// A table-level tolerance check and its outcome.
public struct ToleranceCheck: Sendable, Hashable, Codable {
    /// Which check this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Source and target row counts.
        case rowCount
        /// Changed rows as a share of rows present on both sides.
        case changedRowRatio
    }

    /// Which check this is.
    public var kind: Kind
    /// Whether the observed value is within the allowed one.
    public var passed: Bool
    /// The observed value: the row-count difference, or the changed-row ratio.
    public var observed: Double
    /// The largest value allowed; `nil` when no limit is set.
    public var allowed: Double?
    /// A sentence stating what was observed against what was allowed.
    public var detail: String

    /// Creates a check outcome.
    public init(kind: Kind, passed: Bool, observed: Double, allowed: Double?, detail: String) {
        self.kind = kind
        self.passed = passed
        self.observed = observed
        self.allowed = allowed
        self.detail = detail
    }
}
