import Foundation
public import RowProofSources

/// A connection to a source for catalog and profiling queries, answering every value as text
/// (`nil` for NULL), whatever the engine.
///
/// Not `Sendable`: it owns one database handle; one agent uses it at a time.
public final class CatalogConnection {
    private enum Handle {
        case postgres(PostgresSession)
        case sqlite(SQLiteDatabase)
    }

    private let handle: Handle
    /// The engine.
    public let engine: SourceLocation.Engine
    /// The location with passwords redacted, for outputs and messages.
    public let redactedLocation: String

    /// Opens `location` (`postgres://…`, a libpq string, `sqlite:///path.db`, a secret reference);
    /// Postgres sessions are read-only.
    ///
    /// - Throws: ``AgentError/Code/source`` naming the (redacted) location and the reason.
    public init(location text: String, secrets: SecretResolver = SecretResolver()) throws(AgentError) {
        do {
            let location = try SourceLocation(parsing: text).resolvingLocation(with: secrets)
            redactedLocation = location.redacted
            switch location.engine {
            case .postgres?:
                handle = .postgres(try PostgresSource(location: location, secrets: secrets).openSession())
                engine = .postgres
            case .sqlite?:
                let path = location.sqlitePath ?? ""
                guard FileManager.default.fileExists(atPath: path) else {
                    throw AgentError(.source, "the SQLite database \(path) does not exist; check the path")
                }
                handle = .sqlite(try SQLiteDatabase(path: path, readOnly: true))
                engine = .sqlite
            case nil:
                throw AgentError(
                    .source,
                    "the database location \(location.redacted) could not be resolved"
                )
            }
        } catch let error as AgentError {
            throw error
        } catch {
            throw AgentError(.source, "cannot open the source: \(error)")
        }
    }

    /// Runs `sql` and returns every row as text; `$1…` (Postgres) or `?` (SQLite) parameters.
    ///
    /// - Throws: ``AgentError/Code/source`` with the engine's message and the query.
    public func rows(_ sql: String, _ parameters: [String?] = []) throws(AgentError) -> [[String?]] {
        do {
            switch handle {
            case .postgres(let session):
                return try session.connection.query(sql, parameters)
            case .sqlite(let database):
                return try database.query(sql, parameters.map { $0.map(SQLiteValue.text) ?? .null }).map {
                    row in
                    row.map(Self.text)
                }
            }
        } catch {
            throw AgentError(.source, "query on \(redactedLocation) failed: \(error)\n  query: \(sql)")
        }
    }

    private static func text(_ value: SQLiteValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): text
        case .blob(let bytes):
            "\\x" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// Quotes an identifier for the engine (`"order"`).
    public func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
