import Foundation
import RowProofCore
public import RowProofSources

/// Opens the right engine for a location string (Postgres URL or conninfo, SQLite path, or a
/// secret reference to one of them).
public enum SourceAccess {
    /// Opens a session on `location` for discovery and planning.
    public static func openSession(
        _ location: String,
        secrets: SecretResolver = SecretResolver()
    ) throws(SourceError) -> any SourceSession {
        let parsed = try SourceLocation(parsing: location).resolvingLocation(with: secrets)
        switch parsed.engine {
        case .postgres: return try PostgresSource(location: parsed, secrets: secrets).openSession()
        case .sqlite: return try SQLiteSource(location: parsed, secrets: secrets).openSession()
        case nil:
            throw SourceError(
                .connection,
                "cannot tell which engine \(parsed.redacted) is",
                hint: "use a postgres:// or postgresql:// URL, a libpq conninfo, or sqlite:///path/to/file.db"
            )
        }
    }

    /// A scan starter for ``ChunkProcessor``: each side is read on its own thread, over its own
    /// session, importing the plan's snapshot when there is one. A Postgres session that read
    /// its range to the end is kept for the job's next chunk (``PostgresSessionPool``) and checked
    /// with one round trip before it is reused; one that failed or was stopped is closed.
    public static func scanStarter(secrets: SecretResolver = SecretResolver()) -> ChunkProcessor.ScanStarter {
        { side, request, jobID, name in
            PipedRowStream(name: name) { writer in
                let parsed = try SourceLocation(parsing: side.location).resolvingLocation(with: secrets)
                switch parsed.engine {
                case .postgres:
                    let key = PostgresSessionPool.Key(jobID: jobID, location: side.location, snapshot: side.snapshot)
                    let session: PostgresSession
                    // A kept session may have been closed by the server while idle
                    // (idle_in_transaction_session_timeout): then a new one.
                    if let pooled = PostgresSessionPool.shared.take(key), pooled.isAlive() {
                        session = pooled
                    } else {
                        session = try PostgresSource(location: parsed, secrets: secrets).openSession()
                        if let snapshot = side.snapshot {
                            try session.importSnapshot(PostgresSnapshot(id: snapshot, walPosition: "imported"))
                        }
                    }
                    try drain(session, request, &writer)
                    PostgresSessionPool.shared.give(session, for: key)
                case .sqlite:
                    try drain(try SQLiteSource(location: parsed, secrets: secrets).openSession(), request, &writer)
                case nil:
                    throw SourceError(.connection, "cannot tell which engine \(parsed.redacted) is")
                }
            }
        }
    }

    private static func drain<Session: SourceSession>(
        _ session: Session,
        _ request: ScanRequest,
        _ writer: inout RowPipeWriter
    ) throws {
        var rows = try session.scan(request)
        try writer.drain(&rows)
    }
}
