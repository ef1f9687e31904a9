/// A Postgres snapshot exported for a job, so every reader sees the same instant.
public struct PostgresSnapshot: Sendable, Hashable, Codable {
    /// The snapshot id from `pg_export_snapshot()`, for `SET TRANSACTION SNAPSHOT`.
    public var id: String
    /// The server's WAL position when the snapshot was taken (`pg_current_wal_lsn()`, or the
    /// replay position on a standby), recorded in the report.
    public var walPosition: String

    /// Creates a snapshot record.
    public init(id: String, walPosition: String) {
        self.id = id
        self.walPosition = walPosition
    }
}
