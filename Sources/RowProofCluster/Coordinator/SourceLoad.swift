/// How busy the source database is, as a load probe saw it.
public struct SourceLoad: Sendable, Equatable, CustomStringConvertible {
    /// Sessions running a statement, other than RowProof's own readers (`nil` if the probe failed).
    public var activeSessions: Int?
    /// The threshold above which the coordinator stops handing out chunks.
    public var threshold: Int

    /// Creates a reading.
    public init(activeSessions: Int?, threshold: Int) {
        self.activeSessions = activeSessions
        self.threshold = threshold
    }

    /// Whether new chunks should wait. A failed probe does not stop the job.
    public var isOverloaded: Bool { (activeSessions ?? 0) > threshold }

    public var description: String {
        activeSessions.map { "\($0) active sessions (threshold \(threshold))" } ?? "probe failed"
    }
}
