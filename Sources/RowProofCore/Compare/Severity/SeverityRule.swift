/// Assigns a severity to findings of one kind, optionally only for some tables or columns.
///
/// A rule without `table` matches every table; a rule without `column` matches every finding of
/// its kind, while a rule with `column` matches only findings about a matching column (changed,
/// within-tolerance and aggregate findings name one; missing or extra rows do not).
public struct SeverityRule: Sendable, Hashable, Codable {
    /// The kind of finding the rule applies to.
    public var kind: DifferenceKind
    /// The table name or glob (`public.orders`, `staging.*`), or `nil` for every table.
    public var table: GlobPattern?
    /// The column name or glob, or `nil` for any column.
    public var column: GlobPattern?
    /// The severity assigned.
    public var severity: Severity

    /// Creates a rule.
    public init(kind: DifferenceKind, table: GlobPattern? = nil, column: GlobPattern? = nil, severity: Severity) {
        self.kind = kind
        self.table = table
        self.column = column
        self.severity = severity
    }

    /// Whether the rule applies to a finding of `kind` in `table` about `column`.
    public func matches(kind: DifferenceKind, table: String?, column: String?) -> Bool {
        guard kind == self.kind else { return false }
        if let pattern = self.table {
            guard let table, pattern.matches(table) else { return false }
        }
        if let pattern = self.column {
            guard let column, pattern.matches(column) else { return false }
        }
        return true
    }
}
