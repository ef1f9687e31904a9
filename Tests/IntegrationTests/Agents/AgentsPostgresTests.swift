import Foundation
import RowProofAgents
import RowProofContracts
import RowProofTestSupport
import Testing

/// Discovery and profiling against the real Postgres the test command starts.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct AgentsPostgresTests {
    static let setup = [
        "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email varchar(40))",
        "INSERT INTO customers SELECT g, 'Customer ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'c' || g || '@example.com' END FROM generate_series(1, 50) g",
        """
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id), amount numeric(12,4) NOT NULL,
            created_at timestamp NOT NULL, paid_at timestamptz, note text)
        """,
        """
        INSERT INTO orders SELECT g, g % 50 + 1, round((g * 1.37)::numeric, 2), timestamp '2024-05-01 12:00' + g * interval '1 hour',
            timestamptz '2024-05-01 12:00+02' + g * interval '1 hour', CASE WHEN g % 4 = 0 THEN NULL ELSE repeat('x', g % 30 + 1) END
        FROM generate_series(1, 2000) g
        """,
        "CREATE VIEW big_orders AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.amount > 100",
    ]

    @Test func discoversAndProfilesAPostgresSource() throws {
        let database = try TestDatabase("agents_src", setup: Self.setup)
        let connection = try CatalogConnection(location: database.url)
        var discovery = AgentOutputBuilder(run: AgentRun(agent: .discovery, runID: "pg-discovery"))
        let inventory = try DiscoveryAgent().run(connection, builder: &discovery)

        let orders = try #require(inventory.table(named: "public.orders"))
        #expect(orders.primaryKey == ["id"])
        #expect(orders.rowEstimate == 2_000)
        #expect((orders.bytes ?? 0) > 0)
        #expect(orders.foreignKeys.map(\.references) == ["public.customers"])
        #expect(orders.foreignKeys.first?.columns == ["customer_id"])
        #expect(orders.columns.first { $0.name == "amount" }?.type == "numeric(12,4)")
        let view = try #require(inventory.table(named: "public.big_orders"))
        #expect(view.kind == "view")
        #expect(view.dependsOn == ["public.customers", "public.orders"])
        let fkClaim = try #require(
            discovery.output().claims.first { $0.statement.contains("references public.customers") }
        )
        #expect(fkClaim.evidence.first?.reference.contains("pg_catalog.pg_constraint") == true)
        try AgentSchemaFile.validate(discovery)

        var profiling = AgentOutputBuilder(run: AgentRun(agent: .profiling, runID: "pg-profiling"))
        let profile = try ProfilingAgent().run(connection, table: orders, builder: &profiling)
        #expect(!profile.isSampled)
        #expect(profile.column("amount")?.maxScale == 2)
        #expect(profile.column("note")?.nulls == 500)
        #expect(profile.column("note")?.maxLength == 30)
        #expect(
            profile.column("created_at")?.offsetNote == "timestamp without time zone: no offsets stored"
        )
        #expect(profile.column("paid_at")?.offsetNote?.contains("UTC") == true)
        try AgentSchemaFile.validate(profiling)

        var sampled = AgentOutputBuilder(run: AgentRun(agent: .profiling, runID: "pg-sampled"))
        let small = try ProfilingAgent(sampleThreshold: 500).run(
            connection,
            table: orders,
            builder: &sampled
        )
        #expect(small.isSampled)
        #expect(small.sampleMethod?.hasPrefix("TABLESAMPLE SYSTEM (25.0000) REPEATABLE (42)") == true)
        #expect(
            sampled.output().claims.allSatisfy {
                $0.evidence.contains { $0.reference.contains("TABLESAMPLE SYSTEM") }
            }
        )
        try AgentSchemaFile.validate(sampled)
    }

    @Test func unknownTableAndBadURLAreErrors() throws {
        let database = try TestDatabase("agents_src2", setup: Self.setup)
        let connection = try CatalogConnection(location: database.url)
        var builder = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let unknown = #expect(throws: AgentError.self) {
            try DiscoveryAgent().run(connection, tables: ["public.nope"], builder: &builder)
        }
        #expect(unknown?.code == .unknownTable)
        let bad = #expect(throws: AgentError.self) {
            try CatalogConnection(location: "postgresql://nobody@127.0.0.1:1/none")
        }
        #expect(bad?.code == .source)
    }
}

/// Writes an agent's output and validates it with check-jsonschema.
enum AgentSchemaFile {
    static func validate(_ builder: AgentOutputBuilder) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-agent-\(UUID().uuidString.prefix(8))"
        )
        try builder.writeAll(to: folder)
        let executable = try #require(TestEnvironment.checkJSONSchema, "set ROWPROOF_CHECK_JSONSCHEMA")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--schemafile",
            TestEnvironment.repositoryRoot.appendingPathComponent("schemas/agent_output.schema.json")
                .path,
            folder.appendingPathComponent(builder.outputFileName).path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}
