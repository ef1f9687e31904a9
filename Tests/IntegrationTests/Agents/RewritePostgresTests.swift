import Foundation
import RowProofAgents
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Testing

/// Map a Postgres table onto a narrower target, rewrite it to dbt and Spark SQL, run the dbt
/// model (references rendered) on Postgres and parse the Spark SQL with sqlglot.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct RewritePostgresTests {
    @Test func dbtModelRunsOnPostgresAndSparkSQLParses() throws {
        let database = try TestDatabase(
            "agents_rw",
            setup: [
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id bigint PRIMARY KEY, amount numeric(12,4) NOT NULL, note text, placed timestamptz NOT NULL)",
                "INSERT INTO shop.orders SELECT g, g * 1.2345, repeat('n', g % 20 + 1), timestamptz '2024-01-01 00:00+00' + g * interval '1 day' FROM generate_series(1, 100) g",
                "CREATE TABLE shop.orders_new (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL, note varchar(12), placed timestamp NOT NULL)",
            ]
        )
        let connection = try CatalogConnection(location: database.url)
        var scratch = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let inventory = try DiscoveryAgent().run(
            connection,
            tables: ["shop.orders", "shop.orders_new"],
            builder: &scratch
        )
        let profile = try ProfilingAgent().run(
            connection,
            table: inventory.tables[0],
            builder: &scratch
        )
        let rulebook = try Data(
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent(
                "policy/type_coercion_rulebook.json"
            )
        )
        let mapping = try MappingAgent(rulebookData: rulebook, rulebookName: "rulebook.json").run(
            connection,
            source: inventory.tables[0],
            target: inventory.tables[1],
            targetEngine: .postgres,
            profile: profile,
            builder: &scratch
        )
        let cut = (1...100).filter { $0 % 20 + 1 > 12 }.count
        #expect(mapping.columns.first { $0.source == "note" }?.losses.first?.affectedRows == cut)
        #expect(mapping.columns.first { $0.source == "placed" }?.losses.map(\.kind) == ["time_zone"])

        var builder = AgentOutputBuilder(run: AgentRun(agent: .rewrite, runID: "pg-rewrite"))
        RewriteAgent().run(mappings: [mapping], profiles: [profile], builder: &builder)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-rewrite-\(UUID().uuidString.prefix(8))"
        )
        try builder.writeAll(to: folder)
        try AgentSchemaFile.validate(builder)

        let model = try String(
            contentsOf: folder.appendingPathComponent("models/orders_new.sql"),
            encoding: .utf8
        )
        #expect(model.contains("{{ source('shop', 'orders') }}"))
        let rendered = RewriteAgent.renderingDbtReferences(model)
        #expect(rendered.contains("from \"shop\".\"orders\""))
        let writer = try database.writer()
        try writer.query("INSERT INTO shop.orders_new " + rendered)
        let check = try writer.query(
            "SELECT count(*), max(length(note)), sum(amount)::text FROM shop.orders_new"
        )
        #expect(check.first?[0] == "100")
        #expect(check.first?[1] == "12")
        let expectedSum = try writer.query("SELECT sum(round(amount, 2))::text FROM shop.orders")
        #expect(check.first?[2] == expectedSum.first?[0])

        let schema = try String(
            contentsOf: folder.appendingPathComponent("models/schema.yml"),
            encoding: .utf8
        )
        #expect(
            schema.contains("      - name: id\n        tests:\n          - not_null\n          - unique")
        )
        #expect(
            schema.contains(
                "dbt_utils.accepted_range:\n              min_value: 1.2345\n              max_value: 123.4500"
            )
        )

        let python = try #require(
            TestEnvironment.python,
            "set ROWPROOF_TEST_PYTHON to the test venv's python (with sqlglot)"
        )
        let spark = folder.appendingPathComponent("spark/orders_new.sql").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-c",
            """
            import sys, sqlglot
            from sqlglot import exp
            tree = sqlglot.parse_one(open(sys.argv[1]).read(), read="spark")
            casts = sorted(c.to.sql(dialect="spark") for c in tree.find_all(exp.Cast))
            print(";".join(casts))
            """, spark,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        // sqlglot writes Spark's VARCHAR(n) as STRING; the file itself keeps the length.
        #expect(
            output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "BIGINT;DECIMAL(10, 2);STRING;TIMESTAMP_NTZ",
            "\(output)"
        )
        #expect(
            try String(contentsOf: URL(fileURLWithPath: spark), encoding: .utf8).contains(
                "cast(`note` as VARCHAR(12)) as `note`"
            )
        )
    }
}
