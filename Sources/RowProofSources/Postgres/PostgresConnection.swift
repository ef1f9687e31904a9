import Foundation
internal import CLibPQ

/// One libpq connection.
///
/// A `PGconn` must be used by one thread at a time, so the class is deliberately not `Sendable`:
/// its owner (a reader thread or an actor) keeps it to itself, and `deinit` closes it.
public final class PostgresConnection {
    private let handle: OpaquePointer
    /// The connection target with any password removed, for messages and logs.
    public let redactedTarget: String

    /// Connects with a libpq connection string or URL (`host=… port=…` or `postgresql://…`).
    ///
    /// Everything libpq supports applies: `PGPASSWORD`, `~/.pgpass`, service files, `sslmode`.
    /// - Parameters:
    ///   - conninfo: the connection string; it is never printed.
    ///   - redactedTarget: how to name the target in errors (the URL without its password).
    public init(conninfo: String, redactedTarget: String) throws(SourceError) {
        self.redactedTarget = redactedTarget
        guard let handle = PQconnectdb(conninfo) else {
            throw SourceError(.connection, "cannot connect to \(redactedTarget): libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(handle))
            PQfinish(handle)
            throw SourceError(
                .connection, "cannot connect to \(redactedTarget): \(reason)",
                hint: "check host, port, database, user and password (PGPASSWORD, ~/.pgpass or a secret reference)"
            )
        }
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// The server's version number, as `server_version_num` (for example 150018).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Whether the connection is still usable.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs `sql` (with optional text parameters `$1…`) and returns every row as text (`nil` for NULL).
    ///
    /// For catalog queries and control statements; table data streams through COPY instead.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(SourceError) -> [[String?]] {
        let result = try execute(sql, parameters)
        defer { PQclear(result) }
        let rows = Int(PQntuples(result))
        let columns = Int(PQnfields(result))
        var out: [[String?]] = []
        out.reserveCapacity(rows)
        for row in 0..<rows {
            var values: [String?] = []
            values.reserveCapacity(columns)
            for column in 0..<columns {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            out.append(values)
        }
        return out
    }

    private func execute(_ sql: String, _ parameters: [String?]) throws(SourceError) -> OpaquePointer {
        let result: OpaquePointer? = withCStringArray(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw SourceError(.interrupted, "query on \(redactedTarget) failed: \(Self.message(PQerrorMessage(handle)))")
        }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = Self.message(PQresultErrorMessage(result))
            PQclear(result)
            let kind: SourceError.Kind = PQstatus(handle) == CONNECTION_OK ? .query : .interrupted
            throw SourceError(kind, "query on \(redactedTarget) failed: \(message)")
        }
        return result
    }

    static func message(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "unknown libpq error" }
        let text = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "unknown libpq error" : text
    }
}

/// Calls `body` with a C array of C strings for `strings` (`NULL` entries for `nil`), valid only inside.
private func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { $0.map { UnsafePointer($0) } })
}
