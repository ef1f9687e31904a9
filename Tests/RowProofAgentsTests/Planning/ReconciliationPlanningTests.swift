import Foundation
import RowProofAgents
import RowProofContracts
import RowProofTestSupport
import Testing

@Suite struct ReconciliationPlanningTests {
    func plan(
        policy edit: (inout [String: Any]) -> Void = { _ in },
        hugeRows: Int = 50_000_000,
        criticality: [String: TableCriticality] = [:]
    ) throws -> ([TablePlan], ReconJob, AgentOutputBuilder, URL) {
        let path = try ShopDatabase.create()
        let connection = try CatalogConnection(location: "sqlite://" + path)
        var scratch = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let inventory = try DiscoveryAgent().run(connection, builder: &scratch)
        let policyURL = TestEnvironment.repositoryRoot.appendingPathComponent("policy/policy.json")
        var policy = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: policyURL)) as? [String: Any]
        )
        edit(&policy)
        let policyData = try JSONSerialization.data(withJSONObject: policy)
        var builder = AgentOutputBuilder(run: AgentRun(agent: .reconciliation, runID: "test-plan"))
        let (plans, job) = try ReconciliationPlanningAgent(
            planner: ReconciliationPlanner(hugeRows: hugeRows, targetChunkRows: 100, minimumChunks: 4)
        ).run(
            inventory: inventory,
            profiles: [],
            policyData: policyData,
            policyName: "policy.json",
            criticality: criticality,
            source: "sqlite://" + path,
            target: "sqlite://" + path,
            jobName: "shop-plan",
            builder: &builder
        )
        let folder = try AgentSchemaCheck.writeAndValidate(builder)
        return (plans, job, builder, folder)
    }

    @Test func choosesStrategiesKeysChunksTolerancesAndFlagsSensitiveColumns() throws {
        let (plans, job, builder, folder) = try plan(
            policy: { policy in
                var tolerances = policy["tolerances"] as? [String: Any] ?? [:]
                tolerances["columns"] = [["column": "rate", "relative": 1e-9]]
                policy["tolerances"] = tolerances
            },
            hugeRows: 150,
            criticality: ["main.orders": .low]
        )

        #expect(
            plans.map(\.table) == ["main.customers", "main.events", "main.order_items", "main.orders"]
        )
        let orders = try #require(plans.first { $0.table == "main.orders" })
        #expect(orders.strategy == .sample)
        #expect(orders.chunkRows == 1_000)
        #expect(orders.tolerances.map(\.column) == ["rate"])
        #expect(orders.tolerances.first?.relative == 1e-9)
        let events = try #require(plans.first { $0.table == "main.events" })
        #expect(events.strategy == .rowhash)
        #expect(events.keyColumns.isEmpty)
        #expect(events.chunkRows == 30)
        #expect(
            builder.output().claims.contains {
                $0.id == "multiset-main-events" && $0.statement.contains("multiset")
            }
        )
        #expect(
            try #require(plans.first { $0.table == "main.customers" }).sensitiveColumns == ["email"]
        )
        #expect(
            try #require(plans.first { $0.table == "main.order_items" }).keyColumns == [
                "order_id", "line_no",
            ]
        )

        #expect(job.tables.first { $0.source == "main.orders" }?.strategy == .sample)
        let yaml = folder.appendingPathComponent("recon_job.yaml")
        try AgentSchemaCheck.validate(yaml, schema: "schemas/recon_job.schema.json")
        let decoded = try ContractDecoder().decode(ReconJob.self, contentsOf: yaml)
        #expect(decoded == job)
    }

    @Test func floatWithoutPolicyToleranceIsCalledOut() throws {
        let (plans, _, builder, _) = try plan()
        #expect(plans.allSatisfy { $0.strategy == .rowhash })
        #expect(try #require(plans.first { $0.table == "main.orders" }).tolerances.isEmpty)
        let claim = try #require(
            builder.output().claims.first { $0.id == "tolerance-main-orders-rate" }
        )
        #expect(claim.statement.contains("sets no tolerance"))
    }
}
