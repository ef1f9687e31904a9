/// A worker connected to one of the running jobs.
public struct WorkerRecord: Sendable, Codable, Equatable {
    /// The id the worker gave (`--worker-id`).
    public var id: String
    /// The job it works for.
    public var job: String

    /// Creates a record.
    public init(id: String, job: String) {
        self.id = id
        self.job = job
    }
}
