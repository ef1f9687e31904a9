/// How many parallel runs must complete, and pass in a row, before the readiness gate opens.
public struct ParallelRunRequirement: ContractModel {
    /// Runs to complete (1 ... 1000).
    public var runs: Int
    /// Passing runs in a row required, counted back from the latest (at most ``runs``).
    public var consecutivePasses: Int
    /// Seconds between runs.
    public var intervalSeconds: Int
    /// Highest severity a run may reach and still pass; `info` when `nil`.
    public var maxSeverity: Severity?

    /// Creates a requirement.
    public init(runs: Int, consecutivePasses: Int, intervalSeconds: Int, maxSeverity: Severity? = nil) {
        self.runs = runs
        self.consecutivePasses = consecutivePasses
        self.intervalSeconds = intervalSeconds
        self.maxSeverity = maxSeverity
    }

    enum CodingKeys: String, CodingKey {
        case runs
        case consecutivePasses = "consecutive_passes"
        case intervalSeconds = "interval_seconds"
        case maxSeverity = "max_severity"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["runs"].check(runs, in: 1...1000)
        try path["consecutive_passes"].check(consecutivePasses, atLeast: 1)
        guard consecutivePasses <= runs else {
            throw path["consecutive_passes"].fail("must be <= runs (\(runs)) (got \(consecutivePasses))")
        }
        try path["interval_seconds"].check(intervalSeconds, atLeast: 1)
    }
}
