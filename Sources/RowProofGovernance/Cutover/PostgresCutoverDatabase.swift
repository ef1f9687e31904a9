public import RowProofSources

/// A Postgres target for a cutover, over one libpq connection.
///
/// Not `Sendable`: the connection is used by one thread at a time (libpq's rule).
public final class PostgresCutoverDatabase: CutoverDatabase {
    private let connection: PostgresConnection

    /// Wraps an open connection; the cutover must be able to change the schema through it.
    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    public func query(_ sql: String, _ parameters: [String?]) throws -> [[String?]] {
        try connection.query(sql, parameters)
    }

    public func executeInTransaction(_ statements: [String]) throws {
        try connection.query("BEGIN")
        do {
            for statement in statements { try connection.query(statement) }
            try connection.query("COMMIT")
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }
}
