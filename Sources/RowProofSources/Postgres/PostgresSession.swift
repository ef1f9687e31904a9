import RowProofCore

/// One read-only Postgres session: discovery, key-range planning, snapshots and COPY scans.
///
/// Not `Sendable`: the libpq connection inside is used by one thread at a time. Every
/// transaction is `REPEATABLE READ` and `READ ONLY` (`SET SESSION CHARACTERISTICS` and
/// `default_transaction_read_only = on`), so a write through a source session fails.
public final class PostgresSession: SourceSession {
    /// The connection; also usable for catalog queries of your own.
    public let connection: PostgresConnection
    /// How engine types map to logical types.
    public let types: TypeResolver
    /// The snapshot this session exported or imported, if any.
    public private(set) var snapshot: PostgresSnapshot?
    var tables: [TableName: PostgresTableInfo] = [:]
    var typeCache: [Int64: PostgresTypeInfo] = [:]
    var isInTransaction = false

    /// Wraps `connection` and makes it read-only; normally done by ``PostgresSource/openSession()``.
    public init(connection: PostgresConnection, types: TypeResolver = .postgres) throws(SourceError) {
        self.connection = connection
        self.types = types
        for statement in [
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            "SET default_transaction_read_only = on",
            "SET client_encoding = 'UTF8'",
            "SET standard_conforming_strings = on",
            "SET TimeZone = 'UTC'",
            "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'",
            "SET extra_float_digits = 3",
            "SET application_name = 'rowproof'",
        ] {
            try connection.query(statement)
        }
    }

    /// Exports a snapshot for other sessions to import; holds its transaction open until
    /// ``endTransaction()`` or until the session closes.
    ///
    /// - Returns: The snapshot id and the server's WAL position, for the report.
    public func exportSnapshot() throws(SourceError) -> PostgresSnapshot {
        try beginTransaction()
        let rows = try connection.query(
            "SELECT pg_export_snapshot(), (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text"
        )
        guard let id = rows.first?[0] else {
            throw SourceError(.query, "exporting a snapshot on \(connection.redactedTarget) returned no id")
        }
        let exported = PostgresSnapshot(id: id, walPosition: rows.first?[1] ?? "unknown")
        snapshot = exported
        return exported
    }

    /// Reads everything that follows as of `snapshot` (another session's export), until
    /// ``endTransaction()``.
    ///
    /// - Throws: ``SourceError/Kind/query`` when the snapshot no longer exists (its exporting
    ///   transaction ended) or was taken on another server.
    public func importSnapshot(_ snapshot: PostgresSnapshot) throws(SourceError) {
        try beginTransaction()
        do {
            try connection.query("SET TRANSACTION SNAPSHOT " + PostgresSQL.literal(snapshot.id))
        } catch {
            try? endTransaction()
            throw SourceError(
                error.kind,
                error.message,
                hint:
                    "the exporting session must keep its transaction open while readers import snapshot \(snapshot.id)",
                serverCode: error.serverCode
            )
        }
        self.snapshot = snapshot
    }

    /// Whether the session still answers (one round trip). A session kept idle can be closed by
    /// the server (`idle_in_transaction_session_timeout`, a restart) or the network meanwhile.
    public func isAlive() -> Bool {
        do {
            _ = try connection.query("SELECT 1")
            return true
        } catch {
            return false
        }
    }

    /// Ends the snapshot transaction (exported or imported); later reads see the latest data.
    public func endTransaction() throws(SourceError) {
        guard isInTransaction else { return }
        isInTransaction = false
        snapshot = nil
        try connection.query("COMMIT")
    }

    private func beginTransaction() throws(SourceError) {
        if isInTransaction { try endTransaction() }
        try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        isInTransaction = true
    }
}
