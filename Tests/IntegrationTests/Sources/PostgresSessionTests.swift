import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Snapshots, read-only sessions and connection loss.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct PostgresSessionTests {
    static let columns: [ScanRequest.Column] = [
        .init(name: "id", logicalType: .decimal), .init(name: "v", logicalType: .text),
    ]

    @Test(.timeLimit(.minutes(1)))
    func rowsCommittedAfterTheExportAreInvisibleToImporters() throws {
        let database = try TestDatabase(
            "snapshot",
            setup: [
                "CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t VALUES (1, 'before'), (2, 'before')",
            ]
        )
        let exporter = try database.session()
        let snapshot = try exporter.exportSnapshot()
        #expect(!snapshot.id.isEmpty)
        #expect(snapshot.walPosition.contains("/"))

        let writer = try database.writer()
        try writer.query("INSERT INTO t VALUES (3, 'after')")
        try writer.query("UPDATE t SET v = 'changed' WHERE id = 1")

        let request = ScanRequest(table: TableName("t"), columns: Self.columns, keyColumns: ["id"])
        for _ in 0..<2 {
            let reader = try database.session()
            try reader.importSnapshot(snapshot)
            let rows = try readAll(reader.scan(request))
            #expect(rows.count == 2)
            #expect(rows.first?.hash == (try RowEncoder.rowHash(of: [.decimal(.init(integer: 1)), .text("before")])))
        }
        let fresh = try readAll(database.session().scan(request))
        #expect(fresh.count == 3)

        try exporter.endTransaction()
        let late = try database.session()
        #expect(throws: SourceError.self) { try late.importSnapshot(snapshot) }
    }

    @Test(.timeLimit(.minutes(1)))
    func writesThroughASourceSessionFail() throws {
        let database = try TestDatabase("readonly", setup: ["CREATE TABLE t (id int PRIMARY KEY, v text)"])
        let session = try database.session()
        let error = #expect(throws: SourceError.self) { try session.connection.query("INSERT INTO t VALUES (1, 'x')") }
        #expect(error?.serverCode == "25006")
        #expect(error?.hint?.contains("read-only") == true)
        #expect(throws: SourceError.self) { try session.connection.query("CREATE TABLE u (id int)") }
        #expect(try session.connection.query("SHOW default_transaction_read_only") == [["on"]])
        #expect(try session.connection.query("SHOW default_transaction_isolation") == [["repeatable read"]])
        #expect(try database.writer().query("SELECT count(*) FROM t") == [["0"]])
    }

    @Test(.timeLimit(.minutes(1)))
    func lostConnectionMidStreamIsRetryableAndNeverCompletes() throws {
        let database = try TestDatabase(
            "interrupt",
            setup: [
                "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 300000) g",
            ]
        )
        let session = try database.session()
        let pid = try #require(session.connection.query("SELECT pg_backend_pid()").first?[0])
        var stream = try session.scan(ScanRequest(table: TableName("t"), columns: Self.columns, keyColumns: ["id"]))
        #expect(try stream.next() != nil)
        try database.writer().query("SELECT pg_terminate_backend($1::int)", [pid])
        var read = 1
        let error = #expect(throws: SourceError.self) {
            while try stream.next() != nil { read += 1 }
        }
        #expect(read < 300_000)
        #expect(error?.kind == .interrupted)
        #expect(error?.isRetryable == true)
        #expect(throws: SourceError.self) { _ = try stream.next() }
    }

    @Test(.timeLimit(.minutes(1)))
    func droppingAStreamEarlyLeavesTheSessionUsable() throws {
        let database = try TestDatabase(
            "cancel",
            setup: [
                "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t SELECT g, 'v' FROM generate_series(1, 50000) g",
            ]
        )
        let session = try database.session()
        do {
            var stream = try session.scan(ScanRequest(table: TableName("t"), columns: Self.columns, keyColumns: ["id"]))
            _ = try stream.next()
        }
        #expect(try session.connection.query("SELECT 1") == [["1"]])
        #expect(
            try readAll(session.scan(ScanRequest(table: TableName("t"), columns: Self.columns, keyColumns: ["id"])))
                .count == 50_000
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func keylessScanReadsEveryRowWithAnEmptyKey() throws {
        let database = try TestDatabase(
            "keyless",
            setup: [
                "CREATE TABLE log (line text)", "INSERT INTO log VALUES ('a'), ('a'), ('b')",
            ]
        )
        let session = try database.session()
        let rows = try readAll(
            session.scan(.keyless(table: TableName("log"), columns: [.init(name: "line", logicalType: .text)]))
        )
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.key.isEmpty })
        #expect(Set(rows.map(\.hash)).count == 2)
    }

    /// Planning a view gathers its statistics with ANALYZE, which Postgres answers with a
    /// warning; the connection keeps it (libpq would print it on stderr mid-progress).
    @Test(.timeLimit(.minutes(1)))
    func serverWarningsAreKeptNotPrinted() throws {
        let database = try TestDatabase(
            "notices",
            setup: [
                "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 300) g",
                "CREATE VIEW recent AS SELECT id, v FROM t WHERE id > 100",
            ]
        )
        let session = try database.session()
        let ranges = try session.planRanges(table: TableName("recent"), keyColumns: ["id"], chunkRows: 50)
        #expect(!ranges.isEmpty)
        #expect(session.connection.notices.contains { $0.contains("cannot analyze non-tables") })
        #expect(session.connection.notices.count <= PostgresConnection.noticeLimit)
    }
}
