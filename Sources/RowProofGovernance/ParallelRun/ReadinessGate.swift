public import RowProofContracts

/// The readiness gate of a parallel run: enough runs completed, and the latest ones passed in a row.
///
/// A run passes when its verdict is `pass` and its severity is at most the policy's
/// `max_severity` (`info` when absent); a run that could not run (verdict `error`) fails.
public struct ReadinessGate: Sendable {
    /// The policy's requirement.
    public var requirement: ParallelRunRequirement

    /// Creates a gate for `requirement`.
    public init(requirement: ParallelRunRequirement) {
        self.requirement = requirement
    }

    /// The highest severity a passing run may have.
    public var maximumSeverity: Severity { requirement.maxSeverity ?? .info }

    /// Whether a run with this verdict and severity passes.
    public func passes(verdict: Verdict, severity: Severity?) -> Bool {
        verdict == .pass && (severity ?? .info) <= maximumSeverity
    }

    /// Decides the gate on `records`, in run order.
    public func evaluate(_ records: [ParallelRunRecord]) -> GateDecision {
        let consecutive = records.reversed().prefix { $0.passed }.count
        var reasons: [String] = []
        if records.count < requirement.runs {
            reasons.append("\(records.count) of \(requirement.runs) runs completed")
        }
        if consecutive < requirement.consecutivePasses {
            let last =
                records.last.flatMap { record in
                    record.passed
                        ? nil
                        : "; run \(record.run) was \(record.verdict.rawValue)\(record.severity.map { " (severity \($0.rawValue))" } ?? "")"
                } ?? ""
            reasons.append("\(consecutive) passing run(s) in a row, \(requirement.consecutivePasses) required\(last)")
        }
        let passed = reasons.isEmpty
        let summary =
            passed
            ? "\(records.count) runs completed; the last \(consecutive) passed in a row (\(requirement.consecutivePasses) required)"
            : reasons.joined(separator: "; ")
        return GateDecision(
            passed: passed,
            completedRuns: records.count,
            requiredRuns: requirement.runs,
            consecutivePasses: consecutive,
            requiredConsecutivePasses: requirement.consecutivePasses,
            summary: summary
        )
    }
}

/// The readiness gate's decision, with the numbers behind it.
public struct GateDecision: Codable, Sendable, Equatable {
    /// Whether the gate passed.
    public var passed: Bool
    /// Runs completed so far.
    public var completedRuns: Int
    /// Runs the policy requires.
    public var requiredRuns: Int
    /// Passing runs in a row, counted back from the latest.
    public var consecutivePasses: Int
    /// Passing runs in a row the policy requires.
    public var requiredConsecutivePasses: Int
    /// The decision in one sentence.
    public var summary: String

    /// Creates a decision.
    public init(
        passed: Bool,
        completedRuns: Int,
        requiredRuns: Int,
        consecutivePasses: Int,
        requiredConsecutivePasses: Int,
        summary: String
    ) {
        self.passed = passed
        self.completedRuns = completedRuns
        self.requiredRuns = requiredRuns
        self.consecutivePasses = consecutivePasses
        self.requiredConsecutivePasses = requiredConsecutivePasses
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case passed
        case completedRuns = "completed_runs"
        case requiredRuns = "required_runs"
        case consecutivePasses = "consecutive_passes"
        case requiredConsecutivePasses = "required_consecutive_passes"
        case summary
    }
}
