import Foundation
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// The same logical data stored the way each engine stores it gives identical keys, canonical
/// bytes and row hashes from Postgres and from SQLite.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct CrossEngineHashTests {
    static let plan: [ScanRequest.Column] = [
        .init(name: "id", logicalType: .decimal), .init(name: "name", logicalType: .text),
        .init(name: "price", logicalType: .decimal), .init(name: "qty", logicalType: .decimal),
        .init(name: "weight", logicalType: .float), .init(name: "active", logicalType: .bool),
        .init(name: "born", logicalType: .date), .init(name: "seen", logicalType: .timestamp),
        .init(name: "tag", logicalType: .uuid), .init(name: "doc", logicalType: .json),
        .init(name: "raw", logicalType: .bytes),
    ]

    /// Creates a SQLite file with Python's sqlite3 module (sources only ever open databases read-only).
    func makeSQLite(_ statements: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rp-cross-\(UUID().uuidString).db")
            .path
        let script =
            "import sqlite3, sys, json\ndb = sqlite3.connect(sys.argv[1])\nfor s in json.loads(sys.argv[2]): db.execute(s)\ndb.commit()\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", script, path,
            String(decoding: try JSONSerialization.data(withJSONObject: statements), as: UTF8.self),
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return path
    }

    @Test(.timeLimit(.minutes(2)))
    func postgresAndSQLiteGiveIdenticalRowHashes() throws {
        let postgres = try TestDatabase(
            "cross",
            setup: [
                """
                CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric(10,2), qty int, weight float8, active bool,
                                    born date, seen timestamptz, tag uuid, doc jsonb, raw bytea)
                """,
                """
                INSERT INTO items VALUES
                  (1, E'Cafe\\u0301', 5.00, 3, 1.5, true, '2024-02-29', '2024-03-01 10:00:00+02',
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": [1, 2.50], "a": "x"}', '\\xdeadbeef'),
                  (2, '', 0.10, -7, -0.0, false, '1969-12-31', '1970-01-01 00:00:00.000001+00', NULL, 'null', '\\x'),
                  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                  (40, 'plain', 12345678.91, 2147483647, 1e300, true, '2000-01-01', '2038-01-19 03:14:07.5+00',
                   '00000000-0000-0000-0000-000000000001', '[]', '\\x00')
                """,
            ]
        )
        let sqlite = try makeSQLite([
            """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price DECIMAL(10,2), qty INTEGER, weight REAL, active BOOLEAN,
                                born DATE, seen TIMESTAMP, tag UUID, doc JSON, raw BLOB)
            """,
            """
            INSERT INTO items VALUES
              (1, 'Café', '5', 3, 1.5, 1, '2024-02-29', '2024-03-01T08:00:00Z',
               'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"a":"x","b":[1,2.5]}', X'DEADBEEF'),
              (2, '', 0.1, -7, 0.0, 0, '1969-12-31', '1970-01-01 00:00:00.000001', NULL, 'null', X''),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (40, 'plain', 12345678.91, 2147483647, 1e300, 1, '2000-01-01', '2038-01-19 03:14:07.5',
               '00000000-0000-0000-0000-000000000001', '[ ]', X'00')
            """,
        ])
        defer { try? FileManager.default.removeItem(atPath: sqlite) }

        let request = ScanRequest(table: TableName("items"), columns: Self.plan, keyColumns: ["id"])
        let fromPostgres = try readAll(postgres.session().scan(request))
        let sqliteSession = try SQLiteSource(location: SourceLocation(parsing: "sqlite://\(sqlite)")).openSession()
        let description = try sqliteSession.describe(table: TableName("items"))
        #expect(description.primaryKey == ["id"])
        #expect(description.columns.map(\.logicalType) == Self.plan.map(\.logicalType))
        let fromSQLite = try readAll(sqliteSession.scan(request))

        #expect(fromPostgres.count == 4)
        #expect(fromPostgres.map(\.key) == fromSQLite.map(\.key))
        for (pg, lite) in zip(fromPostgres, fromSQLite) {
            #expect(pg.bytes == lite.bytes, "row \(CanonicalRow.describeKey(pg.key))")
            #expect(pg.hash == lite.hash)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func sqliteRangesTileTheTable() throws {
        let path = try makeSQLite([
            "CREATE TABLE t (region TEXT, n INTEGER, v REAL, PRIMARY KEY (region, n))",
            "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 3000) "
                + "INSERT INTO t SELECT CASE x % 3 WHEN 0 THEN 'b' WHEN 1 THEN 'B' ELSE 'é' END, x, x / 3.0 FROM g",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try SQLiteSource(location: SourceLocation(parsing: path)).openSession()
        let table = TableName("t")
        let ranges = try session.planRanges(table: table, keyColumns: ["region", "n"], chunkRows: 400)
        #expect(ranges.count == 8)
        #expect(ranges.first?.lower == nil && ranges.last?.upper == nil)
        let columns: [ScanRequest.Column] = [.init(name: "v", logicalType: .float)]
        let full = try readAll(session.scan(ScanRequest(table: table, columns: columns, keyColumns: ["region", "n"])))
        #expect(full.count == 3_000)
        #expect(isStrictlyAscending(full))
        var union: [CanonicalRow] = []
        for range in ranges {
            let chunk = try readAll(
                session.scan(ScanRequest(table: table, columns: columns, keyColumns: ["region", "n"], range: range))
            )
            #expect(chunk.count <= 400)
            union += chunk
        }
        #expect(union == full)
    }

    @Test(.timeLimit(.minutes(1)))
    func sqliteMissingTableAndFileAreClearErrors() throws {
        let path = try makeSQLite(["CREATE TABLE orders (id INTEGER PRIMARY KEY)"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try SQLiteSource(location: SourceLocation(parsing: "sqlite://\(path)")).openSession()
        let error = #expect(throws: SourceError.self) { try session.describe(table: TableName("order")) }
        #expect(error?.kind == .schema)
        #expect(error?.hint?.contains("orders") == true)
        let missing = #expect(throws: SourceError.self) {
            try SQLiteSource(location: SourceLocation(parsing: "sqlite:///nonexistent/dir/x.db")).openSession()
        }
        #expect(missing?.kind == .connection)
        #expect(missing?.message.contains("/nonexistent/dir/x.db") == true)
    }

    /// A SQLite value that does not parse as its column's date, time or timestamp used to fail
    /// the scan with "table main.t: INVALID_TEMPORAL: …" and no column, in a table of many columns.
    @Test(.timeLimit(.minutes(1)))
    func sqliteTemporalErrorsNameTheColumn() throws {
        let path = try makeSQLite([
            "CREATE TABLE t (id INTEGER PRIMARY KEY, born DATE, seen TIMESTAMP)",
            "INSERT INTO t VALUES (1, '2024-01-01', '2024-01-01 10:00')",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try SQLiteSource(location: SourceLocation(parsing: path)).openSession()
        let columns: [ScanRequest.Column] = [
            .init(name: "id", logicalType: .decimal), .init(name: "born", logicalType: .date),
            .init(name: "seen", logicalType: .timestamp),
        ]
        let error = #expect(throws: SourceError.self) {
            try readAll(session.scan(ScanRequest(table: TableName("t"), columns: columns, keyColumns: ["id"])))
        }
        #expect(error?.message.contains("column \"seen\"") == true, "\(String(describing: error))")
        #expect(error?.message.contains("INVALID_TEMPORAL") == true)
    }
}
