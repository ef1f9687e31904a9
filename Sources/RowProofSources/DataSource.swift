public import RowProofCore

/// One database a job reads from: opens sessions that discover tables, plan key ranges and
/// stream rows in canonical key order.
///
/// A data source is a cheap, `Sendable` description (location, settings); the connection lives
/// in the ``SourceSession`` it opens. Each engine (Postgres, SQLite, and later warehouse and lake
/// formats) has one conforming type.
public protocol DataSource: Sendable {
    /// The engine's session type.
    associatedtype Session: SourceSession

    /// Where the data lives (redacted when printed).
    var location: SourceLocation { get }

    /// Opens a session: connects, resolving secrets, and makes the session read-only.
    ///
    /// - Throws: ``SourceError/Kind/connection`` naming the redacted location and what to check.
    func openSession() throws(SourceError) -> Session
}

/// A connection to a source, owned by one thread at a time.
///
/// Sessions are deliberately not `Sendable`: the database handle inside must never be used by
/// two threads at once. A worker opens one per reader thread and keeps it there.
public protocol SourceSession: AnyObject {
    /// The stream type ``scan(_:)`` returns; concrete, so the per-row path has no existential call.
    associatedtype Rows: RowStream

    /// Discovers a table's columns, keys and row estimate.
    ///
    /// - Throws: ``SourceError/Kind/schema`` for a missing table, listing similar names.
    func describe(table: TableName) throws(SourceError) -> TableDescription

    /// Splits a table into consecutive key ranges of about `chunkRows` rows each.
    ///
    /// The ranges tile the key space in order: the first is open below, the last open above,
    /// and each range's upper bound is the next one's lower bound (no gaps, no overlaps).
    /// Planning reads statistics and samples; it never scans the table.
    func planRanges(table: TableName, keyColumns: [String], chunkRows: Int) throws(SourceError) -> [KeyRange]

    /// Streams the rows of one key range as canonical rows in ascending key-encoding order.
    ///
    /// The stream returns `nil` only after the whole range was read; a failure part way through
    /// throws (``SourceError/Kind/interrupted`` for a lost connection), so a partial chunk is
    /// never mistaken for a complete one. The session runs nothing else until the stream ends.
    func scan(_ request: ScanRequest) throws(SourceError) -> Rows

    /// Checks that a row filter (``ScanRequest/filter``) is a condition the engine accepts on
    /// `table`, without reading a row.
    ///
    /// - Throws: ``SourceError/Kind/query`` with the engine's message.
    func checkFilter(_ filter: String, on table: TableName) throws(SourceError)
}

extension SourceSession {
    /// Describes a table and checks it has a key, as a keyed comparison needs.
    ///
    /// - Returns: The primary key's columns, else the first unique constraint whose columns are
    ///   all NOT NULL.
    /// - Throws: ``SourceError/Kind/schema`` naming both fixes when the table has no usable key.
    public func keyColumns(of table: TableName) throws(SourceError) -> [String] {
        let description = try describe(table: table)
        if !description.primaryKey.isEmpty { return description.primaryKey }
        if let unique = description.uniqueConstraints.first(where: { constraint in
            constraint.allSatisfy { description.column(named: $0)?.isNullable == false }
        }) {
            return unique
        }
        throw SourceError(
            .schema,
            "table \(description.tableName) has no primary key and no unique NOT NULL columns, so rows cannot be matched by key",
            hint:
                "declare a primary key (ALTER TABLE \(description.tableName) ADD PRIMARY KEY (…)), name the key columns "
                + "in the job, or compare the table in keyless multiset mode (counts and multiset digests, no per-row differences)"
        )
    }
}
