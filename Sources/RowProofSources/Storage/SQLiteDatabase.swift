internal import CSQLite

/// A value bound to or read from a ``SQLiteDatabase`` statement.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as an integer, if it is one.
    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    /// The value as text, if it is text.
    public var text: String? { if case .text(let value) = self { value } else { nil } }
    /// The value as bytes, if it is a blob.
    public var blob: [UInt8]? { if case .blob(let value) = self { value } else { nil } }
}

/// A read-write SQLite database for RowProof's own state (the job store, the audit log) and for
/// building SQLite data sets. Sources read through their own read-only connections instead.
///
/// Not `Sendable`: one owner uses it at a time (wrap it in a `Mutex` to share it); `deinit` closes it.
public final class SQLiteDatabase {
    private let handle: OpaquePointer
    /// The database path, for messages.
    public let path: String

    /// Opens (creating if needed) the database at `path`, in WAL mode with a 5 s busy timeout.
    public convenience init(path: String) throws(SourceError) {
        try self.init(path: path, readOnly: false)
    }

    /// Opens the database at `path`.
    ///
    /// Read-only (`readOnly: true`) leaves the file exactly as it is: no creation, no journal-mode
    /// change, and every write refused by SQLite itself — for inspecting a user's database.
    /// Otherwise the database is created if needed and switched to WAL mode.
    public init(path: String, readOnly: Bool) throws(SourceError) {
        self.path = path
        var db: OpaquePointer?
        let flags =
            readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw SourceError(
                .connection,
                "cannot open SQLite database \(path): \(reason)",
                hint: readOnly
                    ? "check that the file exists and is readable by this user"
                    : "check that the folder exists and is writable by this user"
            )
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        if readOnly {
            try execute("PRAGMA query_only = ON")
            return
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs `sql` with `parameters` (`?` placeholders) and returns every row.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SourceError) -> [[SQLiteValue]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw failure(prepared, sql) }
        defer { sqlite3_finalize(statement) }
        for (offset, parameter) in parameters.enumerated() {
            let index = Int32(offset + 1)
            let bound: Int32 =
                switch parameter {
                case .null: sqlite3_bind_null(statement, index)
                case .integer(let value): sqlite3_bind_int64(statement, index, value)
                case .real(let value): sqlite3_bind_double(statement, index, value)
                case .text(let value): sqlite3_bind_text(statement, index, value, -1, CSQLite_transient())
                case .blob(let value):
                    value.withUnsafeBytes {
                        sqlite3_bind_blob(
                            statement,
                            index,
                            $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                            Int32($0.count),
                            CSQLite_transient()
                        )
                    }
                }
            guard bound == SQLITE_OK else { throw failure(bound, sql) }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            let stepped = sqlite3_step(statement)
            if stepped == SQLITE_DONE { break }
            guard stepped == SQLITE_ROW else { throw failure(stepped, sql) }
            let count = sqlite3_column_count(statement)
            rows.append(
                (0..<count).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_FLOAT: .real(sqlite3_column_double(statement, column))
                    case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(statement, column)))
                    case SQLITE_BLOB:
                        .blob(
                            Array(
                                UnsafeRawBufferPointer(
                                    start: sqlite3_column_blob(statement, column),
                                    count: Int(sqlite3_column_bytes(statement, column))
                                )
                            )
                        )
                    default: .null
                    }
                }
            )
        }
        return rows
    }

    /// Runs one or more statements without parameters.
    public func execute(_ sql: String) throws(SourceError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(message)
            throw SourceError(.query, "SQLite database \(path): \(text)")
        }
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func failure(_ status: Int32, _ sql: String) -> SourceError {
        let message = String(cString: sqlite3_errmsg(handle))
        let statement = sql.count > 120 ? String(sql.prefix(120)) + "…" : sql
        return SourceError(
            status & 0xFF == SQLITE_BUSY ? .interrupted : .query,
            "SQLite database \(path): \(message) (in: \(statement))"
        )
    }
}
