import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport

/// A private database on the test server, created per suite so suites can run in parallel.
struct TestDatabase {
    /// The database's URL (same server, user and options as `ROWPROOF_TEST_POSTGRES_URL`).
    let url: String
    let name: String

    /// Creates `rp_<prefix>_<random>` and runs `setup` in it with a writable connection.
    init(_ prefix: String, options: String = "", setup: [String] = []) throws {
        let base = try requireURL()
        name = "rp_\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection(conninfo: base, redactedTarget: "test server")
        try admin.query("CREATE DATABASE \(name) \(options)")
        url = Self.replacingDatabase(in: base, with: name)
        let connection = try writer()
        for statement in setup { try connection.query(statement) }
    }

    /// A writable connection (not a read-only source session) for setting up data.
    func writer() throws -> PostgresConnection {
        try PostgresConnection(conninfo: url, redactedTarget: "test database \(name)")
    }

    /// A read-only source session on the database.
    func session() throws -> PostgresSession {
        try PostgresSource(location: SourceLocation(parsing: url)).openSession()
    }

    /// `postgresql://u@h:p/db?x` with `db` replaced.
    static func replacingDatabase(in url: String, with database: String) -> String {
        let schemeEnd = url.range(of: "://")!.upperBound
        let rest = url[schemeEnd...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let beforeQuery = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
        let authority = beforeQuery.firstIndex(of: "/").map { beforeQuery[..<$0] } ?? beforeQuery
        return String(url[..<schemeEnd]) + authority + "/" + database + query
    }
}

private func requireURL() throws -> String {
    guard let url = TestEnvironment.postgresURL else {
        throw SourceError(.connection, "ROWPROOF_TEST_POSTGRES_URL is not set")
    }
    return url
}

/// Reads a whole stream.
func readAll<S: RowStream>(_ stream: S) throws -> [CanonicalRow] {
    var stream = stream
    var rows: [CanonicalRow] = []
    while let row = try stream.next() { rows.append(row) }
    return rows
}

/// Whether `rows` are in strictly ascending key order.
func isStrictlyAscending(_ rows: [CanonicalRow]) -> Bool {
    zip(rows, rows.dropFirst()).allSatisfy { CanonicalRow.compareKeys($0.key, $1.key) < 0 }
}
