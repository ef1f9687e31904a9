/// Where a submitted job is in its life.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for a free slot (`--max-concurrent-jobs`).
    case queued
    /// Running on the fleet.
    case running
    /// Ran to the end and wrote its report (the verdict says whether the data matched).
    case succeeded
    /// Could not run (bad connection, missing table, out of attempts…): see `error`.
    case failed
    /// Cancelled before it finished.
    case cancelled

    /// Whether the job will not change any more.
    public var isFinal: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .failed, .cancelled: true
        }
    }
}
