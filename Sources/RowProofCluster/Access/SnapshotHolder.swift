import Foundation
public import RowProofSources

/// Exports a Postgres snapshot and keeps its transaction open on a dedicated thread until
/// ``release()``, so every worker that imports it reads the same instant.
public final class SnapshotHolder: Sendable {
    /// The exported snapshot (id and WAL position, for the report).
    public let snapshot: PostgresSnapshot
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Connects to `location`, exports a snapshot and holds it.
    ///
    /// - Throws: ``SourceError`` when the location is not Postgres or the export fails.
    public init(location: String, secrets: SecretResolver = SecretResolver()) throws(SourceError) {
        let parsed = try SourceLocation(parsing: location).resolvingLocation(with: secrets)
        guard parsed.engine == .postgres else {
            throw SourceError(.connection, "snapshots need Postgres; \(parsed.redacted) is not a Postgres location")
        }
        let started = DispatchSemaphore(value: 0)
        let box = SnapshotBox()
        let done = self.done
        let finished = self.finished
        let thread = Thread {
            defer { finished.signal() }
            do {
                let session = try PostgresSource(location: parsed, secrets: secrets).openSession()
                box.result = .success(try session.exportSnapshot())
                started.signal()
                done.wait()
                try? session.endTransaction()
            } catch let error as SourceError {
                box.result = .failure(error)
                started.signal()
            } catch {
                box.result = .failure(SourceError(.connection, "\(error)"))
                started.signal()
            }
        }
        thread.name = "snapshot holder"
        thread.start()
        started.wait()
        switch box.result {
        case .success(let snapshot): self.snapshot = snapshot
        case .failure(let error): throw error
        case nil: throw SourceError(.connection, "the snapshot thread ended without a result")
        }
    }

    /// Ends the snapshot's transaction and closes the session.
    public func release() {
        done.signal()
        finished.wait()
    }
}

/// Carries the export result from the holder's thread; written once before `started` is signalled.
///
/// `@unchecked Sendable`: `result` is written by the holder thread strictly before it signals
/// the semaphore the initializer waits on, and read only after that wait.
private final class SnapshotBox: @unchecked Sendable {
    var result: Result<PostgresSnapshot, SourceError>?
}
