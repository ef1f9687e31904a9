/// Gives each finding a severity from an ordered list of rules (first match wins), falling back
/// to ``DifferenceKind/defaultSeverity``, and turns the highest severity into a ``Verdict``.
public struct SeverityClassifier: Sendable, Hashable, Codable {
    /// The rules, tried in order.
    public var rules: [SeverityRule]
    /// The lowest severity that fails a comparison.
    public var failThreshold: Severity

    /// Creates a classifier; with no rules every kind gets its default severity.
    public init(rules: [SeverityRule] = [], failThreshold: Severity = .error) {
        self.rules = rules
        self.failThreshold = failThreshold
    }

    /// The severity of a finding of `kind` in `table` about `column`.
    public func severity(of kind: DifferenceKind, table: String? = nil, column: String? = nil) -> Severity {
        rules.first { $0.matches(kind: kind, table: table, column: column) }?.severity ?? kind.defaultSeverity
    }

    /// The verdict for findings whose highest severity is `highest` (`nil`: no findings).
    public func verdict(highest: Severity?) -> Verdict {
        Verdict(highest: highest, failThreshold: failThreshold)
    }
}
