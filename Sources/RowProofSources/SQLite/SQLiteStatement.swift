internal import CSQLite

/// A prepared statement; finalized in `deinit`. Owned by the same thread as its connection.
final class SQLiteStatement {
    let statement: OpaquePointer
    /// Keeps the connection open while the statement lives.
    let connection: SQLiteConnection

    init(statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// Advances to the next row; `false` when done.
    @inline(__always)
    func step() throws(SourceError) -> Bool {
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw connection.error(status, doing: "reading")
    }

    var columnCount: Int { Int(sqlite3_column_count(statement)) }

    /// The storage class of column `index` in the current row.
    @inline(__always)
    func storage(at index: Int) -> SQLiteStorage {
        switch sqlite3_column_type(statement, Int32(index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    @inline(__always)
    func int64(at index: Int) -> Int64 { sqlite3_column_int64(statement, Int32(index)) }

    @inline(__always)
    func double(at index: Int) -> Double { sqlite3_column_double(statement, Int32(index)) }

    /// The value's text bytes (SQLite renders numbers as text), valid until the next step.
    @inline(__always)
    func textBytes(at index: Int) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_text(statement, Int32(index))
        let count = Int(sqlite3_column_bytes(statement, Int32(index)))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    }

    /// The value's blob bytes, valid until the next step.
    @inline(__always)
    func blobBytes(at index: Int) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(statement, Int32(index))
        let count = Int(sqlite3_column_bytes(statement, Int32(index)))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    }

    /// The value as text, or `nil` for NULL.
    func text(at index: Int) -> String? {
        guard storage(at: index) != .null else { return nil }
        return String(decoding: textBytes(at: index), as: UTF8.self)
    }

    func bind(text: String, at index: Int) {
        sqlite3_bind_text(statement, Int32(index), text, -1, CSQLite_transient())
    }

    func bind(int64: Int64, at index: Int) {
        sqlite3_bind_int64(statement, Int32(index), int64)
    }

    func bind(blob: [UInt8], at index: Int) {
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(statement, Int32(index), raw.baseAddress, Int32(raw.count), CSQLite_transient())
        }
    }

    func bind(double: Double, at index: Int) {
        sqlite3_bind_double(statement, Int32(index), double)
    }
}

/// SQLite's storage classes.
enum SQLiteStorage {
    case null, integer, real, text, blob
}
