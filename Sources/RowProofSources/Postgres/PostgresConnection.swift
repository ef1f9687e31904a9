internal import CLibPQ
import Foundation

/// One libpq connection.
///
/// A `PGconn` must be used by one thread at a time, so the class is deliberately not `Sendable`:
/// its owner (a reader thread or an actor) keeps it to itself, and `deinit` closes it.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// The connection target with any password removed, for messages and logs.
    public let redactedTarget: String
    /// Whether a COPY is streaming; no other statement may run until it ends.
    var isCopying = false
    /// Where COPY messages already received are copied without an allocation each
    /// (``nextCopyMessage()``); `nil` on TLS or GSSAPI-encrypted connections, whose decrypted
    /// bytes libpq may hold where only its own wait looks, and when memory cannot be reserved.
    private let copyBuffer: PostgresCopyBuffer?
    /// The start of ``copyBuffer``, read per row without retaining the buffer.
    let copyBufferStart: UnsafeMutablePointer<CChar>?
    /// The last ``noticeLimit`` notices and warnings the server sent on this connection (such as
    /// `WARNING: skipping "v" --- cannot analyze non-tables` when planning gathers statistics of
    /// a view), oldest first. They answer RowProof's own statements, so they are kept here
    /// instead of being printed on stderr in the middle of a job's progress, as libpq would.
    public private(set) var notices: [String] = []
    /// How many notices ``notices`` keeps.
    public static let noticeLimit = 20

    /// Connects with a libpq connection string or URL (`host=… port=…` or `postgresql://…`).
    ///
    /// Everything libpq supports applies: `PGPASSWORD`, `~/.pgpass`, service files, `sslmode`.
    /// - Parameters:
    ///   - conninfo: the connection string; it is never printed.
    ///   - redactedTarget: how to name the target in errors (the URL without its password).
    public convenience init(conninfo: String, redactedTarget: String) throws(SourceError) {
        try self.init(conninfo: conninfo, password: nil, redactedTarget: redactedTarget)
    }

    /// Connects with a connection string or URL and, apart from it, a password.
    ///
    /// - Parameters:
    ///   - conninfo: the connection string or URL without the password; never printed.
    ///   - password: the resolved password, or `nil` to let libpq find one (`PGPASSWORD`, `~/.pgpass`).
    ///   - redactedTarget: how to name the target in errors.
    public init(conninfo: String, password: String?, redactedTarget: String) throws(SourceError) {
        self.redactedTarget = redactedTarget
        var keywords = ["dbname"]
        var values = [conninfo]
        if let password {
            keywords.append("password")
            values.append(password)
        }
        let connection: OpaquePointer? = withCStringArray(keywords + [nil]) { keys in
            withCStringArray(values + [nil]) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection else {
            throw SourceError(.connection, "cannot connect to \(redactedTarget): libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(connection))
            PQfinish(connection)
            throw Self.connectionError(reason, target: redactedTarget)
        }
        self.handle = connection
        let copyBuffer = PQsslInUse(connection) == 0 && PQgssEncInUse(connection) == 0 ? PostgresCopyBuffer() : nil
        self.copyBuffer = copyBuffer
        self.copyBufferStart = copyBuffer?.start.assumingMemoryBound(to: CChar.self)
        // libpq calls the processor on the thread running a statement, so while the connection
        // is alive and in use; deinit detaches it before finishing the handle.
        PQsetNoticeProcessor(
            connection,
            { context, message in
                guard let context, let message else { return }
                Unmanaged<PostgresConnection>.fromOpaque(context).takeUnretainedValue().keep(notice: message)
            },
            Unmanaged.passUnretained(self).toOpaque()
        )
    }

    private func keep(notice message: UnsafePointer<CChar>) {
        if notices.count == Self.noticeLimit { notices.removeFirst() }
        notices.append(Self.message(message))
    }

    deinit {
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        PQfinish(handle)
    }

    /// The server's version number, as `server_version_num` (for example 150018).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Whether the connection is still usable.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs `sql` (with optional text parameters `$1…`) and returns every row as text (`nil` for NULL).
    ///
    /// For catalog queries and control statements; table data streams through COPY instead.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(SourceError) -> [[String?]] {
        let result = try execute(sql, parameters, expecting: [PGRES_TUPLES_OK, PGRES_COMMAND_OK])
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

    /// Runs `sql` and returns the result handle; the caller clears it.
    func execute(
        _ sql: String,
        _ parameters: [String?],
        expecting accepted: [ExecStatusType]
    ) throws(SourceError) -> OpaquePointer {
        precondition(!isCopying, "PostgresConnection: a statement was started while a COPY is streaming")
        let result: OpaquePointer? = withCStringArray(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw SourceError(
                .interrupted,
                "query on \(redactedTarget) failed: \(Self.message(PQerrorMessage(handle)))"
            )
        }
        guard accepted.contains(PQresultStatus(result)) else {
            let error = resultError(result, doing: "query")
            PQclear(result)
            throw error
        }
        return result
    }

    /// The error a failed result describes, classified by SQLSTATE and connection health.
    func resultError(_ result: OpaquePointer?, doing action: String) -> SourceError {
        let message = Self.message(result.flatMap { PQresultErrorMessage($0) } ?? PQerrorMessage(handle))
        let code = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        guard PQstatus(handle) == CONNECTION_OK else {
            return SourceError(
                .interrupted,
                "\(action) on \(redactedTarget) failed: the connection was lost (\(message))",
                hint: "retrying on a new connection is safe; nothing of the interrupted read was kept",
                serverCode: code
            )
        }
        let (kind, hint): (SourceError.Kind, String?) =
            switch code {
            case "42501":
                (.query, "grant the reading role SELECT on the table (GRANT SELECT ON … TO …) and USAGE on its schema")
            case "25006": (.query, "source sessions are read-only; RowProof never writes to a source")
            case "42P01": (.schema, "check the table name and schema (search_path)")
            case "42703": (.schema, "check the column names in the job's column plan")
            case "57014":
                (.interrupted, "the statement was cancelled (statement_timeout or an operator); retrying is safe")
            case "40001", "40P01": (.interrupted, "the server aborted the transaction; retrying is safe")
            case let code? where code.hasPrefix("08") || code.hasPrefix("57P"):
                (
                    .interrupted,
                    "the server ended the connection (shutdown, restart or an operator); retrying on a new connection is safe"
                )
            default: (.query, nil)
            }
        return SourceError(kind, "\(action) on \(redactedTarget) failed: \(message)", hint: hint, serverCode: code)
    }

    static func connectionError(_ reason: String, target: String) -> SourceError {
        let lowered = reason.lowercased()
        let hint: String =
            if lowered.contains("password authentication failed") || lowered.contains("no password supplied") {
                "the server rejected the password: check the user and its password (PGPASSWORD, ~/.pgpass or the secret reference)"
            } else if lowered.contains("does not exist") {
                "check the database and user names in the location"
            } else if lowered.contains("connection refused") || lowered.contains("timeout")
                || lowered.contains("could not translate host")
            {
                "check that the server runs and listens on that host and port (listen_addresses, firewall)"
            } else {
                "check host, port, database, user and password (PGPASSWORD, ~/.pgpass or a secret reference)"
            }
        return SourceError(.connection, "cannot connect to \(target): \(reason)", hint: hint)
    }

    static func message(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "unknown libpq error" }
        let text = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "unknown libpq error" : text
    }
}

/// Calls `body` with a C array of C strings for `strings` (`NULL` entries for `nil`), valid only inside.
func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { $0.map { UnsafePointer($0) } })
}
