internal import CSQLite

/// One SQLite database handle, opened read-only.
///
/// Not `Sendable`: the handle is used by the one thread that owns the session; `deinit` closes it.
final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database path, for messages.
    let path: String

    /// Opens `path` read-only (`SQLITE_OPEN_READONLY`) with `PRAGMA query_only`.
    ///
    /// - Throws: ``SourceError/Kind/connection`` naming the path when the file cannot be opened.
    init(path: String) throws(SourceError) {
        self.path = path
        var db: OpaquePointer? = nil
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw SourceError(
                .connection,
                "cannot open SQLite database \(path): \(reason)",
                hint: "check that the file exists and is readable by this user"
            )
        }
        self.handle = db
        try execute("PRAGMA query_only = 1")
        // A file that is not a database only fails on first read.
        try execute("SELECT count(*) FROM sqlite_master")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Prepares `sql`.
    func prepare(_ sql: String) throws(SourceError) -> SQLiteStatement {
        var statement: OpaquePointer? = nil
        let status = sqlite3_prepare_v3(handle, sql, -1, 0, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw error(status, doing: "preparing a statement")
        }
        return SQLiteStatement(statement: statement, connection: self)
    }

    /// Runs `sql` to completion, ignoring rows.
    func execute(_ sql: String) throws(SourceError) {
        let statement = try prepare(sql)
        while try statement.step() {}
    }

    /// Runs `sql` with `parameters` and returns every row's columns as text (`nil` for NULL).
    func query(_ sql: String, _ parameters: [String] = []) throws(SourceError) -> [[String?]] {
        let statement = try prepare(sql)
        for (index, parameter) in parameters.enumerated() { statement.bind(text: parameter, at: index + 1) }
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return rows
    }

    /// An error naming the database and SQLite's message.
    func error(_ status: Int32, doing action: String) -> SourceError {
        let message = String(cString: sqlite3_errmsg(handle))
        let kind: SourceError.Kind =
            switch status & 0xFF {
            case SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_CORRUPT: .connection
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR: .interrupted
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH: .query
            default: message.contains("no such column") || message.contains("no such table") ? .schema : .query
            }
        return SourceError(kind, "\(action) on SQLite database \(path) failed: \(message)")
    }
}
