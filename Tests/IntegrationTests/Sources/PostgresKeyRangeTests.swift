import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Key-range planning: even chunks on skewed keys, no gaps and no overlaps, byte-order text keys.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct PostgresKeyRangeTests {
    /// Checks the ranges tile the key space and that chunk scans add up to the full scan, in order.
    func checkTiling(
        _ session: PostgresSession,
        _ table: TableName,
        keys: [String],
        columns: [ScanRequest.Column],
        ranges: [KeyRange]
    ) throws -> [Int] {
        #expect(ranges.first?.lower == nil)
        #expect(ranges.last?.upper == nil)
        for (range, next) in zip(ranges, ranges.dropFirst()) {
            #expect(
                range.upper != nil && range.upper == next.lower,
                "ranges \(range) and \(next) must share their bound"
            )
        }
        let full = try readAll(session.scan(ScanRequest(table: table, columns: columns, keyColumns: keys)))
        #expect(isStrictlyAscending(full))
        var union: [CanonicalRow] = []
        var sizes: [Int] = []
        for range in ranges {
            let chunk = try readAll(
                session.scan(ScanRequest(table: table, columns: columns, keyColumns: keys, range: range))
            )
            sizes.append(chunk.count)
            union += chunk
        }
        #expect(union == full, "the chunks' rows, in order, must be exactly the full scan")
        return sizes
    }

    @Test(.timeLimit(.minutes(2)))
    func skewedIntegerKeysGiveEvenChunks() throws {
        let database = try TestDatabase(
            "skew",
            setup: [
                "CREATE TABLE events (id bigint PRIMARY KEY, payload text)",
                // 18 000 dense keys, then 2 000 keys spread over a billion: min/max alone would give one full chunk.
                "INSERT INTO events SELECT g, 'p' || g FROM generate_series(1, 18000) g",
                "INSERT INTO events SELECT 1000000 + g * 500000, 'far' FROM generate_series(1, 2000) g",
            ]
        )
        let session = try database.session()
        let table = TableName("events")
        let ranges = try session.planRanges(table: table, keyColumns: ["id"], chunkRows: 2_000)
        #expect(ranges.count >= 8 && ranges.count <= 12, "got \(ranges.count) ranges")
        let sizes = try checkTiling(
            session,
            table,
            keys: ["id"],
            columns: [.init(name: "id", logicalType: .decimal), .init(name: "payload", logicalType: .text)],
            ranges: ranges
        )
        #expect(sizes.reduce(0, +) == 20_000)
        #expect(sizes.allSatisfy { $0 >= 1_000 && $0 <= 3_200 }, "chunk sizes \(sizes)")
    }

    @Test(.timeLimit(.minutes(2)))
    func compositeTextKeysTileWithoutGapsOrOverlaps() throws {
        let database = try TestDatabase(
            "composite",
            setup: [
                "CREATE TABLE stock (region text, sku int, qty int, PRIMARY KEY (region, sku))",
                """
                INSERT INTO stock SELECT r, s, s % 7 FROM unnest(ARRAY['a', 'B', 'Z', 'é', 'ab', 'a b', '_x', 'Ä', '']) r,
                  generate_series(1, 600) s
                """,
            ]
        )
        let session = try database.session()
        let table = TableName("stock")
        let description = try session.describe(table: table)
        #expect(description.primaryKey == ["region", "sku"])
        let ranges = try session.planRanges(table: table, keyColumns: ["region", "sku"], chunkRows: 500)
        #expect(ranges.count > 4)
        let sizes = try checkTiling(
            session,
            table,
            keys: ["region", "sku"],
            columns: [.init(name: "qty", logicalType: .decimal)],
            ranges: ranges
        )
        #expect(sizes.reduce(0, +) == 5_400)
    }

    /// The boundary sample selected `"line_no"::text` and ordered by `"line_no"`, which Postgres
    /// reads as that text output column: integer components sorted 1, 10, 2, the boundaries came
    /// out of key order, ranges overlapped and rows were counted twice.
    @Test(.timeLimit(.minutes(2)), arguments: ["int", "bigint", "numeric", "date", "uuid"])
    func compositeKeysWithNonTextComponentsAreSampledInKeyOrder(type: String) throws {
        let value =
            switch type {
            case "date": "date '2024-01-01' + l"
            case "uuid": "md5(l::text)::uuid"
            default: "l::\(type)"
            }
        let database = try TestDatabase(
            "composite_\(type)",
            setup: [
                "CREATE TABLE lines (order_id int, line_no \(type), qty int, PRIMARY KEY (order_id, line_no))",
                "INSERT INTO lines SELECT o, \(value), l FROM generate_series(1, 3) o, generate_series(1, 400) l",
            ]
        )
        let session = try database.session()
        let table = TableName("lines")
        let ranges = try session.planRanges(table: table, keyColumns: ["order_id", "line_no"], chunkRows: 60)
        #expect(ranges.count > 10)
        let sizes = try checkTiling(
            session,
            table,
            keys: ["order_id", "line_no"],
            columns: [.init(name: "qty", logicalType: .decimal)],
            ranges: ranges
        )
        #expect(sizes.reduce(0, +) == 1_200)
    }

    @Test(.timeLimit(.minutes(2)))
    func uuidKeysArePlannedFromSamples() throws {
        let database = try TestDatabase(
            "uuid",
            setup: [
                "CREATE TABLE sessions (id uuid PRIMARY KEY, n int)",
                "INSERT INTO sessions SELECT md5(g::text)::uuid, g FROM generate_series(1, 6000) g",
            ]
        )
        let session = try database.session()
        let ranges = try session.planRanges(table: TableName("sessions"), keyColumns: ["id"], chunkRows: 1_000)
        #expect(ranges.count >= 4)
        let sizes = try checkTiling(
            session,
            TableName("sessions"),
            keys: ["id"],
            columns: [.init(name: "n", logicalType: .decimal)],
            ranges: ranges
        )
        #expect(sizes.reduce(0, +) == 6_000)
    }

    @Test(.timeLimit(.minutes(2)))
    func textKeysFollowByteOrderInAnICUDatabase() throws {
        let database = try TestDatabase(
            "icu",
            options: "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' TEMPLATE template0",
            setup: [
                "CREATE TABLE words (w text PRIMARY KEY)",
                "INSERT INTO words VALUES ('a'), ('B'), ('b'), ('Z'), ('_x'), ('é'), ('ä'), ('A'), ('aa')",
            ]
        )
        let localeOrder = try database.writer().query("SELECT w FROM words ORDER BY w").map { $0[0] ?? "" }
        let byteOrder = localeOrder.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(
            localeOrder != byteOrder,
            "the database's own order must differ from byte order for this test to mean something"
        )

        let session = try database.session()
        let table = TableName("words")
        let rows = try readAll(
            session.scan(ScanRequest(table: table, columns: [.init(name: "w", logicalType: .text)], keyColumns: ["w"]))
        )
        #expect(isStrictlyAscending(rows))
        let expectedKeys = try byteOrder.map { try KeyEncoder.encode([.text($0)], expectedArity: 1) }
        #expect(rows.map(\.key) == expectedKeys)

        // A range bound on a text key is compared in byte order too: ['Z', 'a') holds 'Z' and '_x'.
        let range = KeyRange(lower: [.text("Z")], upper: [.text("a")])
        let chunk = try readAll(session.scan(ScanRequest(table: table, columns: [], keyColumns: ["w"], range: range)))
        #expect(chunk.map(\.key) == (try ["Z", "_x"].map { try KeyEncoder.encode([.text($0)], expectedArity: 1) }))
    }

    @Test(.timeLimit(.minutes(1)))
    func smallTableIsOneOpenRange() throws {
        let database = try TestDatabase(
            "small",
            setup: ["CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)"]
        )
        let ranges = try database.session().planRanges(table: TableName("t"), keyColumns: ["id"], chunkRows: 1_000)
        #expect(ranges == [.all])
    }
}
