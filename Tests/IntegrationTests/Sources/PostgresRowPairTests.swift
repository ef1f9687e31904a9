import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Two Postgres scans read as a pair give exactly the rows each scan gives alone, taking the
/// source's decoding for a target tuple only when its bytes and its decoders are the same.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct PostgresRowPairTests {
    static let columns: [ScanRequest.Column] = [
        .init(name: "id", logicalType: .decimal), .init(name: "amount", logicalType: .decimal),
        .init(name: "note", logicalType: .text), .init(name: "at", logicalType: .timestamp),
        .init(name: "price", logicalType: .float), .init(name: "ok", logicalType: .bool),
    ]

    /// The columns of the two-column tables (`id`, `v text`) of the smaller tests.
    static let idAndValue: [ScanRequest.Column] = [
        .init(name: "id", logicalType: .decimal), .init(name: "v", logicalType: .text),
    ]

    /// `src` and `dst` share 2,000 rows and differ in 30 changed (among them NULL against a value
    /// and NULL against an empty string), 10 missing, 10 extra and 2 duplicate keys.
    static func database() throws -> TestDatabase {
        let table = "(id bigint, amount numeric(12,2), note text, at timestamptz, price float8, ok bool)"
        let rows =
            "SELECT g, (g * 37 % 100000) / 100.0, CASE WHEN g % 97 = 0 THEN NULL ELSE 'row ' || g END, "
            + "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', g / 7.0, g % 2 = 0 "
            + "FROM generate_series(1, 2020) g"
        return try TestDatabase(
            "pair",
            setup: [
                "CREATE TABLE src \(table)", "CREATE TABLE dst \(table)",
                "INSERT INTO src \(rows)", "INSERT INTO dst SELECT * FROM src",
                "DELETE FROM src WHERE id > 2010",  // 10 extra in dst
                "DELETE FROM dst WHERE id BETWEEN 501 AND 510",  // 10 missing from dst
                "UPDATE dst SET amount = amount + 0.01 WHERE id % 100 = 3",  // 20 changed
                "UPDATE dst SET note = '' WHERE id IN (97, 194, 291)",  // NULL against ''
                "UPDATE dst SET note = NULL WHERE id IN (1, 2, 4)",
                "UPDATE dst SET price = price + 1e-9 WHERE id IN (1000, 1001, 1002, 1004)",
                "INSERT INTO dst SELECT * FROM dst WHERE id IN (700, 701)",  // duplicate keys
            ]
        )
    }

    static func request(_ table: String) -> ScanRequest {
        ScanRequest(table: TableName(table), columns: columns, keyColumns: ["id"])
    }

    /// The merge-join's summary and differences of two streams.
    static func diff<S: RowStream, T: RowStream>(
        _ source: S,
        _ target: T,
        columns: [ScanRequest.Column] = columns
    ) throws -> (DiffSummary, [RowDifference]) {
        var source = source
        var target = target
        var differences: [RowDifference] = []
        let summary = try MergeDiffer(configuration: DiffConfiguration(columnNames: columns.map(\.name)))
            .diff(source: &source, target: &target) { differences.append($0) }
        return (summary, differences)
    }

    @Test(.timeLimit(.minutes(1)))
    func aPairFindsWhatTheSeparateScansFind() throws {
        let database = try Self.database()
        let alone = try Self.diff(
            database.session().scan(Self.request("src")),
            database.session().scan(Self.request("dst"))
        )
        let pair = try PostgresRowPair(
            source: database.session().scan(Self.request("src")),
            target: database.session().scan(Self.request("dst"))
        )
        let paired = try Self.diff(pair.sourceRows, pair.targetRows)

        #expect(alone.0.changedRows == 30 && alone.0.missingRows == 10 && alone.0.extraRows == 10)
        #expect(alone.0.targetDuplicateRows == 2)
        #expect(paired.0.sourceDigest == alone.0.sourceDigest)
        #expect(paired.0.targetDigest == alone.0.targetDigest)
        #expect(paired.0.matchedRows == alone.0.matchedRows)
        #expect(paired.0.changedRows == alone.0.changedRows)
        #expect(paired.1 == alone.1)
        #expect(pair.sharesDecoding)
        #expect(pair.isComplete)
        // Every matched row skipped decoding but one: key 511, which the target read right after
        // the source read 501, the first of its missing rows. Duplicates (read after the source
        // moved past their key), changed and extra rows are decoded.
        #expect(pair.sharedRows == alone.0.matchedRows - 1)
        #expect(alone.0.matchedRows == 2_010 - 10 - 30)
    }

    /// `'ab  '` in a `text` column and `'ab'` in a `char(4)` column travel as the same bytes, but
    /// the rulebook trims `char(n)` padding: the rows differ, and the pair must not take the
    /// source's decoding for the target's.
    @Test(.timeLimit(.minutes(1)))
    func equalBytesDecodedDifferentlyAreNotShared() throws {
        let database = try TestDatabase(
            "pairtypes",
            setup: [
                "CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v char(4))",
                "INSERT INTO a VALUES (1, 'ab  '), (2, 'abcd')", "INSERT INTO b VALUES (1, 'ab'), (2, 'abcd')",
            ]
        )
        let columns = Self.idAndValue
        let pair = try PostgresRowPair(
            source: database.session().scan(ScanRequest(table: TableName("a"), columns: columns, keyColumns: ["id"])),
            target: database.session().scan(ScanRequest(table: TableName("b"), columns: columns, keyColumns: ["id"]))
        )
        let (summary, differences) = try Self.diff(pair.sourceRows, pair.targetRows, columns: columns)
        #expect(!pair.sharesDecoding)
        #expect(pair.sharedRows == 0)
        #expect(summary.matchedRows == 1 && summary.changedRows == 1)
        #expect(differences.count == 1)
    }

    /// The scans select columns in the table's order, whatever the plan's, and the rows come out
    /// in plan order; a target whose columns lie in another order is selected in the source's
    /// order, so its equal rows still arrive as the source's bytes and are decoded once.
    @Test(.timeLimit(.minutes(1)))
    func columnsAreSelectedInTableOrderAndRowsComeOutInPlanOrder() throws {
        let database = try TestDatabase(
            "pairorder",
            setup: [
                "CREATE TABLE a (id int PRIMARY KEY, z text, m numeric, b date)",
                "CREATE TABLE b (b date, m numeric, id int PRIMARY KEY, z text)",
                "INSERT INTO a SELECT g, 'z' || g, g / 4.0, date '2024-01-01' + g FROM generate_series(1, 500) g",
                "INSERT INTO b SELECT b, m, id, z FROM a",
                "UPDATE b SET m = m + 1 WHERE id = 250",
            ]
        )
        // Plan order: key first, then by name; neither table's order.
        let columns: [ScanRequest.Column] = [
            .init(name: "id", logicalType: .decimal), .init(name: "b", logicalType: .date),
            .init(name: "m", logicalType: .decimal), .init(name: "z", logicalType: .text),
        ]
        let request = { (table: String) in ScanRequest(table: TableName(table), columns: columns, keyColumns: ["id"]) }
        var alone = try database.session().scan(request("a"))
        #expect(alone.fieldOrder == [0, 3, 2, 1])  // id, z, m, b: the table's order
        let first = try #require(try alone.next())
        var expected = RowEncoder(columnNames: columns.map(\.name))
        expected.appendInteger(1)
        expected.appendDate(days: 19_724)  // 2024-01-02
        try expected.appendDecimal(unscaled: 25, scale: 2)
        expected.appendText("z1")
        #expect(first.bytes == expected.bytes)

        let separate = try Self.diff(
            database.session().scan(request("a")),
            database.session().scan(request("b")),
            columns: columns
        )
        let sourceRows = try database.session().scan(request("a"))
        let pair = PostgresRowPair(
            source: sourceRows,
            target: try database.session().scan(request("b"), fieldOrder: sourceRows.fieldOrder)
        )
        let paired = try Self.diff(pair.sourceRows, pair.targetRows, columns: columns)
        #expect(separate.0.matchedRows == 499 && separate.0.changedRows == 1)
        #expect(paired.0.sourceDigest == separate.0.sourceDigest && paired.0.targetDigest == separate.0.targetDigest)
        #expect(paired.1 == separate.1)
        #expect(pair.sharesDecoding)
        #expect(pair.sharedRows == 499)
    }

    /// Rows of several megabytes, each far larger than what one read from the socket brings,
    /// between rows of a few bytes: every row arrives whole, alone and paired, and the one
    /// changed byte at the end of a large value is the one difference.
    @Test(.timeLimit(.minutes(1)))
    func largeRowsBetweenSmallOnesArriveWhole() throws {
        let value = "CASE WHEN g % 50 = 0 THEN repeat(md5(g::text), 200000) ELSE 'r' || g END"
        let database = try TestDatabase(
            "pairlarge",
            setup: [
                "CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v text)",
                "INSERT INTO a SELECT g, \(value) FROM generate_series(1, 200) g",
                "INSERT INTO b SELECT * FROM a",
                "UPDATE b SET v = v || '!' WHERE id = 100",
            ]
        )
        let columns = Self.idAndValue
        let request = { (table: String) in ScanRequest(table: TableName(table), columns: columns, keyColumns: ["id"]) }
        var sizes: [Int] = []
        var alone = try database.session().scan(request("a"))
        while let row = try alone.next() { sizes.append(row.bytes.count) }
        // Ids 50, 100, 150, 200 hold 6,400,000 characters; their canonical rows add two 5-byte
        // value headers and the id's digits.
        #expect(sizes.count == 200)
        #expect(sizes.filter { $0 > 6_400_000 } == [6_400_012, 6_400_013, 6_400_013, 6_400_013])
        #expect(sizes.filter { $0 < 6_400_000 }.allSatisfy { $0 < 30 })

        let separate = try Self.diff(
            database.session().scan(request("a")),
            database.session().scan(request("b")),
            columns: columns
        )
        let pair = try PostgresRowPair(
            source: database.session().scan(request("a")),
            target: database.session().scan(request("b"))
        )
        let paired = try Self.diff(pair.sourceRows, pair.targetRows, columns: columns)
        #expect(paired.0.matchedRows == 199 && paired.0.changedRows == 1)
        var key = KeyEncoder()
        key.appendInteger(100)
        #expect(paired.1.map(\.key) == [key.bytes])
        #expect(paired.0.sourceDigest == separate.0.sourceDigest && paired.0.targetDigest == separate.0.targetDigest)
        #expect(paired.1 == separate.1)
        #expect(pair.isComplete)
    }

    /// A side whose connection is lost fails the pair with a retryable error, every time it is
    /// read again; the other side's session stays usable once the pair is dropped.
    @Test(.timeLimit(.minutes(1)))
    func aLostSideFailsThePairAndLeavesTheOtherSessionUsable() throws {
        let database = try TestDatabase(
            "pairloss",
            setup: [
                "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 300000) g",
            ]
        )
        let columns = Self.idAndValue
        let request = ScanRequest(table: TableName("t"), columns: columns, keyColumns: ["id"])
        let sourceSession = try database.session()
        let targetSession = try database.session()
        let pid = try #require(targetSession.connection.query("SELECT pg_backend_pid()").first?[0])
        do {
            let pair = PostgresRowPair(source: try sourceSession.scan(request), target: try targetSession.scan(request))
            var source = pair.sourceRows
            var target = pair.targetRows
            #expect(try source.next() != nil)
            #expect(try target.next() != nil)
            try database.writer().query("SELECT pg_terminate_backend($1::int)", [pid])
            var read = 1
            let error = #expect(throws: SourceError.self) {
                while try source.next() != nil, try target.next() != nil { read += 1 }
            }
            #expect(read < 300_000)
            #expect(error?.kind == .interrupted)
            #expect(error?.isRetryable == true)
            #expect(throws: SourceError.self) { _ = try target.next() }
            #expect(!pair.isComplete)
        }
        #expect(try sourceSession.connection.query("SELECT count(*) FROM t") == [["300000"]])
    }
}
