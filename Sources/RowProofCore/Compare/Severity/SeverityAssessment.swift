/// The classified findings of a comparison and the resulting verdict.
public struct SeverityAssessment: Sendable, Hashable, Codable {
    /// Every finding, highest severity first.
    public var findings: [SeverityFinding]
    /// Pass or fail against the classifier's threshold.
    public var verdict: Verdict

    /// Creates an assessment.
    public init(findings: [SeverityFinding], verdict: Verdict) {
        self.findings = findings
        self.verdict = verdict
    }

    /// The highest severity among the findings, or `nil` when there are none.
    public var highestSeverity: Severity? { findings.map(\.severity).max() }
}
