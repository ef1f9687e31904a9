/// The ranked hypotheses for one report's differences.
public struct DiffExplanation: Sendable, Equatable {
    /// The job the report is for.
    public var job: String
    /// Differing rows in the report (changed, missing, extra, duplicate keys).
    public var differingRows: Int
    /// Hypotheses, best first.
    public var hypotheses: [DiffHypothesis]
    /// Things a person should know about the explanation (truncated or redacted samples).
    public var warnings: [String]

    /// Creates an explanation.
    public init(job: String, differingRows: Int, hypotheses: [DiffHypothesis], warnings: [String]) {
        self.job = job
        self.differingRows = differingRows
        self.hypotheses = hypotheses
        self.warnings = warnings
    }

    /// The best hypothesis, if any.
    public var top: DiffHypothesis? { hypotheses.first }
}
