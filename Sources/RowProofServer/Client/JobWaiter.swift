import Foundation

/// Follows a submitted job until it is final, surviving server restarts (the client retries while
/// the server is unreachable, up to its deadline).
public struct JobWaiter: Sendable {
    /// The client to poll with.
    public var client: APIClient
    /// Seconds between polls.
    public var interval: Double

    /// Creates a waiter.
    public init(client: APIClient, interval: Double = 1) {
        self.client = client
        self.interval = interval
    }

    /// Polls job `id` until its state is final; `progress` sees every poll's record.
    ///
    /// - Throws: ``ClientError`` when the deadline passes or the server refuses.
    public func wait(for id: String, progress: @Sendable (JobRecord) -> Void = { _ in }) async throws -> JobRecord {
        while true {
            let record = try await client.job(id)
            progress(record)
            if record.state.isFinal { return record }
            guard Date().addingTimeInterval(interval) < client.retryDeadline else {
                throw ClientError(
                    status: nil,
                    message:
                        "job \(id) is still \(record.state.rawValue) after the wait timeout; it keeps running on the server"
                )
            }
            try await Task.sleep(for: .seconds(interval))
        }
    }
}
