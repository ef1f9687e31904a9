import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofSources
import RowProofTestSupport

/// Two Postgres databases (source and target, ICU en-US collation so text keys do NOT sort as
/// "C" by default) with differences of every kind planted at known keys.
struct EngineFixture {
    let source: TestDatabase
    let target: TestDatabase

    /// What the report must say, per table: changed, missing, extra, duplicate keys.
    static let expected: [String: (changed: Int, missing: Int, extra: Int, duplicates: Int)] = [
        "public.orders": (25, 10, 10, 0),
        "public.prices": (3, 0, 0, 0),
        "public.events": (0, 0, 0, 1),
        "public.line_items": (2, 1, 0, 0),
        "public.products": (1, 1, 0, 0),
    ]

    static let orderCount = 4_000

    init() throws {
        let locale = "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' TEMPLATE template0"
        let common = [
            """
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, amount numeric(12,2) NOT NULL, status text NOT NULL,
                created_at timestamptz NOT NULL, note text, qty int NOT NULL, price double precision NOT NULL)
            """,
            """
            INSERT INTO orders SELECT g, g % 997, ((g * 7919) % 1000000) / 100.0, (ARRAY['pending','paid','shipped'])[g % 3 + 1],
                timestamptz '2024-01-01 00:00:00+00' + g * interval '97 seconds',
                CASE WHEN g % 800 = 21 THEN NULL ELSE 'order ' || g END, g % 9 + 1, (g % 500) * 0.37 + 0.99
            FROM generate_series(1, \(Self.orderCount)) g WHERE g % 400 <> 399
            """,
            "CREATE TABLE prices (id int PRIMARY KEY, value numeric(12,4) NOT NULL)",
            "INSERT INTO prices SELECT g, g * 1.2345 FROM generate_series(1, 300) g",
            "CREATE TABLE events (event_id int NOT NULL, kind text NOT NULL)",
            "INSERT INTO events SELECT g, 'k' || (g % 5) FROM generate_series(1, 500) g",
            """
            CREATE TABLE line_items (order_id int NOT NULL, line_no int NOT NULL, sku text NOT NULL, PRIMARY KEY (order_id, line_no))
            """,
            "INSERT INTO line_items SELECT o, l, 'sku-' || (o * 10 + l) FROM generate_series(1, 400) o, generate_series(1, 5) l",
            "CREATE TABLE products (code text PRIMARY KEY, name text NOT NULL)",
            """
            INSERT INTO products VALUES ('a','alpha'),('B','bravo'),('b','bravo2'),('É','e-acute'),('e','echo'),('Z','zulu'),
                ('_x','under'),('10','ten'),('9','nine'),('ä','a-umlaut'),('zz','zz'),('A','ALPHA')
            """,
        ]
        source = try TestDatabase("eng_src", options: locale, setup: common)
        target = try TestDatabase(
            "eng_dst",
            options: locale,
            setup: common + [
                "UPDATE orders SET amount = amount + 1 WHERE id % 200 = 7",  // 20 changed
                "UPDATE orders SET note = '' WHERE id % 800 = 21",  // 5 NULL -> ''
                "DELETE FROM orders WHERE id % 400 = 13",  // 10 missing
                """
                INSERT INTO orders SELECT g, g % 997, ((g * 7919) % 1000000) / 100.0, (ARRAY['pending','paid','shipped'])[g % 3 + 1],
                    timestamptz '2024-01-01 00:00:00+00' + g * interval '97 seconds', 'order ' || g, g % 9 + 1, (g % 500) * 0.37 + 0.99
                FROM generate_series(1, \(Self.orderCount)) g WHERE g % 400 = 399
                """,  // 10 extra
                "UPDATE prices SET value = round(value, 2) WHERE id IN (7, 77, 177)",  // 3 precision losses
                "INSERT INTO events VALUES (250, 'k0')",  // 1 duplicate key
                "UPDATE line_items SET sku = upper(sku) WHERE (order_id, line_no) IN ((10, 1), (300, 5))",
                "DELETE FROM line_items WHERE order_id = 399 AND line_no = 2",
                "UPDATE products SET name = 'Bravo' WHERE code = 'B'",
                "DELETE FROM products WHERE code = 'É'",
            ]
        )
    }

    /// The job comparing every table (events keyed by event_id, which is not unique in the target).
    func job(name: String = "engine-test", chunkRows: Int = 700) -> ReconJob {
        ReconJob(
            name: name,
            source: ConnectionEndpoint(url: source.url),
            target: ConnectionEndpoint(url: target.url),
            tables: [
                TableSelection(source: "public.orders"),
                TableSelection(source: "public.prices"),
                TableSelection(source: "public.events", keyColumns: ["event_id"]),
                TableSelection(source: "public.line_items"),
                TableSelection(source: "public.products"),
            ],
            chunking: ChunkingOptions(chunkRows: chunkRows)
        )
    }

    /// Runs `job` in this process as coordinator, with `workers` worker processes of the built binary.
    static func run(
        _ job: ReconJob,
        workers: Int,
        output: URL,
        signingKey: Ed25519PrivateKey? = nil,
        leaseSeconds: Double = 30,
        onEndpoint: @escaping @Sendable (_ endpoint: String, _ publicKeyFile: URL) -> Void = { _, _ in },
        progress: @escaping @Sendable (JobProgress) -> Void = { _ in }
    ) async throws -> ReconReport {
        let options = ReconRunner.Options(
            outputDirectory: output,
            workers: workers,
            workerExecutable: TestEnvironment.rowproofExecutable,
            signingKey: signingKey,
            scheduling: .init(leaseSeconds: leaseSeconds, workerTimeout: 5, maximumAttempts: 5),
            planning: .init(chunkRows: job.chunking?.chunkRows ?? 700)
        )
        return try await ReconRunner(job: job, options: options)
            .run(logger: Logger(label: "engine-test"), onEndpoint: onEndpoint, progress: progress).report
    }

    /// The report as canonical JSON without what legitimately differs between runs (times, snapshot ids).
    static func normalized(_ report: ReconReport) throws -> String {
        var report = report
        report.startedAt = "-"
        report.finishedAt = "-"
        report.timings = []
        report.snapshot = nil
        report.resumedChunks = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-\(name)-\(UUID().uuidString.prefix(8))"
        )
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
