import Foundation
import RowProofAgents
import RowProofContracts
import Testing

@Suite struct DiscoveryAgentTests {
    @Test func inventoriesTablesKeysForeignKeysAndViews() throws {
        let path = try ShopDatabase.create()
        let connection = try CatalogConnection(location: "sqlite://" + path)
        var builder = AgentOutputBuilder(run: AgentRun(agent: .discovery, runID: "test-discovery"))
        let inventory = try DiscoveryAgent().run(connection, builder: &builder)

        #expect(
            inventory.tables.map(\.qualifiedName) == [
                "main.customers", "main.events", "main.order_items", "main.order_totals", "main.orders",
            ]
        )
        let orders = try #require(inventory.table(named: "orders"))
        #expect(orders.rowEstimate == ShopDatabase.orderCount)
        #expect(orders.isRowCountExact)
        #expect(orders.primaryKey == ["id"])
        #expect(orders.foreignKeys.map(\.references) == ["main.customers"])
        #expect(orders.columns.first { $0.name == "amount" }?.type == "NUMERIC(12,2)")
        #expect(orders.columns.first { $0.name == "note" }?.isNullable == true)
        #expect(
            try #require(inventory.table(named: "order_items")).primaryKey == ["order_id", "line_no"]
        )
        #expect(try #require(inventory.table(named: "events")).primaryKey.isEmpty)
        #expect(try #require(inventory.table(named: "order_totals")).dependsOn == ["main.orders"])

        let output = builder.output()
        let fk = try #require(
            output.claims.first { $0.statement.contains("references main.customers") }
        )
        #expect(fk.evidence.first?.reference == "PRAGMA foreign_key_list(\"orders\")")
        let size = try #require(output.claims.first { $0.id == "size-main-orders" })
        #expect(size.evidence.first?.reference == "SELECT count(*) FROM \"orders\"")
        #expect(
            output.inputs.contains { $0.kind == .query && $0.name == "SELECT count(*) FROM \"orders\"" }
        )
        let folder = try AgentSchemaCheck.writeAndValidate(builder)
        let written = try JSONDecoder().decode(
            SourceInventory.self,
            from: Data(contentsOf: folder.appendingPathComponent("inventory.json"))
        )
        #expect(written == inventory)
    }

    @Test func unknownTableIsAnError() throws {
        let connection = try CatalogConnection(location: "sqlite://" + ShopDatabase.create())
        var builder = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let error = #expect(throws: AgentError.self) {
            try DiscoveryAgent().run(connection, tables: ["ordrs"], builder: &builder)
        }
        #expect(error?.code == .unknownTable)
        #expect(error?.message.contains("main.orders") == true)
    }

    @Test func missingDatabaseFileIsAnError() {
        let error = #expect(throws: AgentError.self) {
            try CatalogConnection(location: "sqlite:///nonexistent/shop.db")
        }
        #expect(error?.code == .source)
    }
}
