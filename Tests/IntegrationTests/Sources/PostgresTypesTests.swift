import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// Every supported Postgres type, with NULLs and edge values, decoded from COPY BINARY and
/// compared with the canonical bytes of independently written expected values.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"))
struct PostgresTypesTests {
    static let columns: [(String, String, LogicalType)] = [
        ("i2", "int2", .decimal), ("i4", "int4", .decimal), ("i8", "int8", .decimal), ("n", "numeric", .decimal),
        ("n2", "numeric(12,2)", .decimal), ("dom", "positive_amount", .decimal), ("f4", "float4", .float),
        ("f8", "float8", .float), ("t", "text", .text), ("vc", "varchar(10)", .text), ("bp", "char(5)", .text),
        ("nm", "name", .text), ("m", "mood", .text), ("ci", "citext", .text), ("b", "bool", .bool),
        ("d", "date", .date),
        ("tm", "time", .time), ("ttz", "timetz", .time), ("ts", "timestamp", .timestamp),
        ("tstz", "timestamptz", .timestamp),
        ("iv", "interval", .interval), ("u", "uuid", .uuid), ("j", "json", .json), ("jb", "jsonb", .json),
        ("by", "bytea", .bytes), ("ai", "int[]", .array(of: .decimal)), ("at", "text[]", .array(of: .text)),
        ("an", "numeric[]", .array(of: .decimal)),
    ]

    static let setup: [String] = [
        "CREATE EXTENSION citext",
        "CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0)",
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        "CREATE TABLE all_types (id int PRIMARY KEY, " + columns.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            + ")",
        "INSERT INTO all_types (id) VALUES (1)",
        """
        INSERT INTO all_types VALUES (2, -32768, -2147483648, -9223372036854775808, 'NaN', -0.01, 0.01, '-Infinity',
          'NaN', '', 'x', 'ab', 'name', 'sad', 'MiXeD', false, '-infinity', '00:00:00', '00:30:00+02', '-infinity', '-infinity',
          '-1 mon -2 days -00:00:00.000003', '00000000-0000-0000-0000-000000000000', '{"b":1, "a":[1,2]}',
          '{"b":1,"a":2}', '\\x', '{}', '{a,NULL,""}', '{1.50,NaN}')
        """,
        """
        INSERT INTO all_types VALUES (3, 32767, 2147483647, 9223372036854775807,
          '12345678901234567890.123456789012345678', 9999999999.99, 5.00, '3.4e38', '-0', E'e\\u0301', 'ünïcode',
          'abcde', 'n', 'happy', 'Straße', true, 'infinity', '24:00:00', '23:00:00-03', 'infinity', 'infinity',
          '1 year 2 mons 3 days 04:05:06.789', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '[]', '"str"', '\\x00ff',
          '{1,NULL,-3}', ARRAY[E'e\\u0301'], '{}')
        """,
        """
        INSERT INTO all_types VALUES (4, 0, 42, 1, '100000000000000000000', '0.10', 12.5, '1.5', '0.1', 'plain',
          'a''b', 'x  ', 'nm', 'ok', 'c', true, '1969-12-31', '12:34:56.789012', '12:00:00+00',
          '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.123456+02', '30 days', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
          '{"n": 1.0E2, "s": "\\u00e9"}', '{"z": [true, null], "a": {}}', '\\xdeadbeef', '{0}', '{}', '{0.0000000001}')
        """,
    ]

    func micros(_ text: String) throws -> Int64 { try TemporalParser.parseTimestamp(text) }

    func expected() throws -> [Int: [CanonicalValue]] {
        func dec(_ text: String) throws -> CanonicalValue { .decimal(try CanonicalDecimal(parsing: text)) }
        func uuid(_ text: String) throws -> CanonicalValue { .uuid(try UUIDBytes(parsing: text)) }
        let nulls = [CanonicalValue](repeating: .null, count: Self.columns.count)
        return [
            1: nulls,
            2: [
                try dec("-32768"), try dec("-2147483648"), try dec("-9223372036854775808"), .decimal(.special(.nan)),
                try dec("-0.01"), try dec("0.01"), .float(-.infinity), .float(.nan), .text(""), .text("x"), .text("ab"),
                .text("name"), .text("sad"), .text("MiXeD"), .bool(false), .date(days: .min), .time(micros: 0),
                .time(micros: 22 * 3_600_000_000 + 30 * 60_000_000), .timestamp(micros: .min), .timestamp(micros: .min),
                .interval(months: -1, days: -2, micros: -3), try uuid("00000000-0000-0000-0000-000000000000"),
                .json("{\"b\":1, \"a\":[1,2]}"), .json("{\"a\":2,\"b\":1}"), .bytes([]), .array([]),
                .array([.text("a"), .null, .text("")]), .array([try dec("1.5"), .decimal(.special(.nan))]),
            ],
            3: [
                try dec("32767"), try dec("2147483647"), try dec("9223372036854775807"),
                try dec("12345678901234567890.123456789012345678"), try dec("9999999999.99"), try dec("5"),
                .float(Double(Float(3.4e38))), .float(0), .text("\u{E9}"), .text("ünïcode"), .text("abcde"), .text("n"),
                .text("happy"), .text("Straße"), .bool(true), .date(days: .max), .time(micros: 86_400_000_000),
                .time(micros: 2 * 3_600_000_000), .timestamp(micros: .max), .timestamp(micros: .max),
                .interval(months: 14, days: 3, micros: 14_706_789_000),
                try uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                .json("[]"), .json("\"str\""), .bytes([0x00, 0xFF]), .array([try dec("1"), .null, try dec("-3")]),
                .array([.text("\u{E9}")]), .array([]),
            ],
            4: [
                try dec("0"), try dec("42"), try dec("1"), try dec("1e20"), try dec("0.1"), try dec("12.5"),
                .float(1.5),
                .float(0.1), .text("plain"), .text("a'b"), .text("x"), .text("nm"), .text("ok"), .text("c"),
                .bool(true),
                .date(days: -1), .time(micros: 45_296_789_012), .time(micros: 12 * 3_600_000_000),
                .timestamp(micros: try micros("2024-02-29T12:34:56.123456Z")),
                .timestamp(micros: try micros("2024-02-29T10:34:56.123456Z")),
                .interval(months: 0, days: 30, micros: 0),
                try uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), .json("{\"n\":100,\"s\":\"é\"}"),
                .json("{\"a\":{},\"z\":[true,null]}"), .bytes([0xDE, 0xAD, 0xBE, 0xEF]), .array([try dec("0")]),
                .array([]),
                .array([try dec("0.0000000001")]),
            ],
        ]
    }

    @Test(.timeLimit(.minutes(1)))
    func everyTypeDecodesToItsCanonicalBytes() throws {
        let database = try TestDatabase("types", setup: Self.setup)
        let session = try database.session()
        let table = TableName("all_types")
        let description = try session.describe(table: table)
        for (name, _, logical) in Self.columns {
            #expect(description.column(named: name)?.logicalType == logical, "column \(name)")
        }
        #expect(description.column(named: "dom")?.engineType == "numeric(12,2)")
        #expect(description.primaryKey == ["id"])

        let plan = Self.columns.map { ScanRequest.Column(name: $0.0, logicalType: $0.2) }
        let rows = try readAll(session.scan(ScanRequest(table: table, columns: plan, keyColumns: ["id"])))
        let expected = try expected()
        #expect(rows.count == 4)
        for (index, row) in rows.enumerated() {
            let id = index + 1
            #expect(
                row.key == (try KeyEncoder.encode([.decimal(CanonicalDecimal(integer: Int64(id)))], expectedArity: 1))
            )
            let values = try #require(expected[id])
            for (column, value) in values.enumerated() {
                let spans = try row.columnRanges()
                let actual = Array(row.bytes[spans[column].encoding])
                let wanted = try RowEncoder.canonicalBytes(of: [value])
                #expect(actual == wanted, "row \(id) column \(Self.columns[column].0)")
            }
            #expect(row.hash == (try RowEncoder.rowHash(of: values)), "row \(id)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func numericBeyond38DigitsNamesTheColumn() throws {
        let database = try TestDatabase(
            "bignum",
            setup: [
                "CREATE TABLE wide (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO wide VALUES (1, 1), (2, 1e40)",
            ]
        )
        let session = try database.session()
        var stream = try session.scan(
            ScanRequest(
                table: TableName("wide"),
                columns: [.init(name: "amount", logicalType: .decimal)],
                keyColumns: ["id"]
            )
        )
        #expect(try stream.next() != nil)
        let error = #expect(throws: SourceError.self) { _ = try stream.next() }
        #expect(error?.kind == .data)
        #expect(error?.message.contains("DECIMAL_OUT_OF_RANGE") == true)
        #expect(error?.message.contains("\"amount\"") == true)
        #expect(error?.message.contains("wide") == true)
    }
}
