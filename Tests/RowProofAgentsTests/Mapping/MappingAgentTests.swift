import Foundation
import RowProofAgents
import RowProofContracts
import RowProofSources
import RowProofTestSupport
import Testing

@Suite struct MappingAgentTests {
    /// The shop's orders mapped onto a narrower target: every lossy coercion is flagged with the
    /// rows it affects, counted on the source.
    @Test func flagsEveryLossyCoercionWithAffectedRows() throws {
        let sourcePath = try ShopDatabase.create()
        let targetPath = TemporaryFolder.make("map-target").appendingPathComponent("target.db").path
        try SQLiteDatabase(path: targetPath).execute(
            """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id SMALLINT NOT NULL, amount NUMERIC(12,1) NOT NULL,
                created_at TIMESTAMPTZ NOT NULL, note VARCHAR(10))
            """
        )
        let source = try CatalogConnection(location: "sqlite://" + sourcePath)
        let target = try CatalogConnection(location: "sqlite://" + targetPath)
        var scratch = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let sourceTable = try DiscoveryAgent().run(source, tables: ["orders"], builder: &scratch)
            .tables[0]
        let targetTable = try DiscoveryAgent().run(target, tables: ["orders"], builder: &scratch)
            .tables[0]
        let profile = try ProfilingAgent().run(source, table: sourceTable, builder: &scratch)

        let rulebookPath = "policy/type_coercion_rulebook.json"
        let rulebook = try Data(
            contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent(rulebookPath)
        )
        var builder = AgentOutputBuilder(run: AgentRun(agent: .mapping, runID: "test-mapping"))
        let mapping = try MappingAgent(rulebookData: rulebook, rulebookName: rulebookPath).run(
            source,
            source: sourceTable,
            target: targetTable,
            targetEngine: .sqlite,
            profile: profile,
            builder: &builder
        )

        let cut = (1...ShopDatabase.orderCount).filter { $0 % 4 != 0 && $0 % 30 + 1 > 10 }.count
        let note = try #require(mapping.columns.first { $0.source == "note" })
        #expect(note.losses.map(\.kind) == ["length"])
        #expect(note.losses[0].affectedRows == cut)
        #expect(
            note.losses[0].detail == "source max length 30 > target VARCHAR(10): \(cut) rows would be cut"
        )

        let rounded = (1...ShopDatabase.orderCount).filter { ($0 * 137 % 10_000) % 10 != 0 }.count
        let amount = try #require(mapping.columns.first { $0.source == "amount" })
        #expect(amount.losses.map(\.kind) == ["scale"])
        #expect(amount.losses[0].affectedRows == rounded)
        #expect(amount.losses[0].rule == "decimal_round_to_scale")

        let customer = try #require(mapping.columns.first { $0.source == "customer_id" })
        #expect(customer.losses.map(\.kind) == ["precision"])
        #expect(customer.losses[0].affectedRows == 0)
        #expect(
            mapping.columns.first { $0.source == "created_at" }?.losses.map(\.kind) == ["time_zone"]
        )
        #expect(mapping.columns.first { $0.source == "rate" }?.losses.map(\.kind) == ["missing_column"])
        #expect(mapping.columns.first { $0.source == "id" }?.isLossy == false)

        let claim = try #require(builder.output().claims.first { $0.id == "lossy-length-orders-note" })
        #expect(
            claim.evidence.first?.reference
                == "SELECT count(*) FROM \"orders\" WHERE length(\"note\") > 10"
        )
        #expect(builder.output().inputs.contains { $0.kind == .rulebook })
        try AgentSchemaCheck.writeAndValidate(builder)
    }
}
