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
                    let (session, key) = try postgresSession(for: side, parsed: parsed, jobID: jobID, secrets: secrets)
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

    /// A pair opener for ``ChunkProcessor``: when both sides of a plan are Postgres, opens both
    /// scans (over kept sessions, as ``scanStarter(secrets:)``) to be read together on the
    /// comparing thread; otherwise `nil`.
    public static func pairOpener(secrets: SecretResolver = SecretResolver()) -> ChunkProcessor.PairOpener {
        { plan, sourceRequest, targetRequest in
            let source = try SourceLocation(parsing: plan.source.location).resolvingLocation(with: secrets)
            let target = try SourceLocation(parsing: plan.target.location).resolvingLocation(with: secrets)
            guard source.engine == .postgres, target.engine == .postgres else { return nil }
            let sourceSession = try postgresSession(
                for: plan.source,
                parsed: source,
                jobID: plan.jobID,
                secrets: secrets
            )
            let targetSession = try postgresSession(
                for: plan.target,
                parsed: target,
                jobID: plan.jobID,
                secrets: secrets
            )
            // The target selects its columns in the source's order: equal rows then arrive as
            // equal bytes, and the pair decodes them once.
            let sourceRows = try sourceSession.session.scan(sourceRequest)
            let rows = PostgresRowPair(
                source: sourceRows,
                target: try targetSession.session.scan(targetRequest, fieldOrder: sourceRows.fieldOrder)
            )
            return PairedScan(rows: rows, sessions: [sourceSession, targetSession])
        }
    }

    /// A session on one side's Postgres database: one the job kept, if it still answers
    /// (the server may have closed it while idle, by `idle_in_transaction_session_timeout`), else a
    /// new one that imports the plan's snapshot.
    private static func postgresSession(
        for side: ChunkPlan.Side,
        parsed: SourceLocation,
        jobID: String,
        secrets: SecretResolver
    ) throws(SourceError) -> (session: PostgresSession, key: PostgresSessionPool.Key) {
        let key = PostgresSessionPool.Key(jobID: jobID, location: side.location, snapshot: side.snapshot)
        if let pooled = PostgresSessionPool.shared.take(key), pooled.isAlive() { return (pooled, key) }
        let session = try PostgresSource(location: parsed, secrets: secrets).openSession()
        if let snapshot = side.snapshot {
            try session.importSnapshot(PostgresSnapshot(id: snapshot, walPosition: "imported"))
        }
        return (session, key)
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
