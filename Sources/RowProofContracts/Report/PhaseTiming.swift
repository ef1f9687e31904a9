/// Wall-clock time spent in one phase of a job.
public struct PhaseTiming: ContractModel {
    /// The phases of a job, in execution order.
    public enum Phase: String, ContractEnum {
        /// Checking the job, policy and rulebook.
        case validate
        /// Opening connections.
        case connect
        /// Exporting or importing snapshots.
        case snapshot
        /// Reading columns, types and keys.
        case discover
        /// Planning key-range chunks.
        case plan
        /// Reading and hashing rows.
        case hash
        /// Merge-joining the two sides.
        case diff
        /// Re-reading differing rows.
        case recheck
        /// Merging chunk results.
        case merge
        /// Writing the reports.
        case report
    }

    /// The phase.
    public var phase: Phase
    /// Seconds spent.
    public var seconds: Double

    /// Creates a timing.
    public init(phase: Phase, seconds: Double) {
        self.phase = phase
        self.seconds = seconds
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["seconds"].check(seconds, atLeast: 0)
    }
}
