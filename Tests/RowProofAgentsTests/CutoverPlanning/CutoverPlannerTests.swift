import Foundation
import RowProofAgents
import RowProofContracts
import Testing

@Suite struct CutoverPlannerTests {
    @Test func ordersByDependenciesAndEstimatesFromMeasuredThroughput() throws {
        let connection = try CatalogConnection(location: "sqlite://" + ShopDatabase.create())
        var scratch = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let inventory = try DiscoveryAgent().run(connection, builder: &scratch)
        var report = ReportBuilder.report(changed: [])
        report.timings = [
            PhaseTiming(phase: .hash, seconds: 15), PhaseTiming(phase: .diff, seconds: 5),
        ]
        // 1000 source + 1000 target rows in 20 s: 100 rows/s.
        var builder = AgentOutputBuilder(run: AgentRun(agent: .cutoverPlanning, runID: "test-cutover"))
        let steps = CutoverPlanner().run(
            inventory: inventory,
            inventoryName: "inventory.json",
            report: report,
            reportName: "report.json",
            builder: &builder
        )

        let syncs = steps.filter {
            $0.title.hasPrefix("Final sync") || $0.title.hasPrefix("Create view")
        }.map(\.title)
        let position = { (name: String) in try #require(syncs.firstIndex { $0.contains(name) }) }
        #expect(try position("main.customers") < position("main.orders"))
        #expect(try position("main.orders") < position("main.order_items"))
        #expect(try position("main.orders") < position("main.order_totals"))
        let orders = try #require(steps.first { $0.title.hasPrefix("Final sync of main.orders") })
        #expect(orders.estimatedSeconds == Double(ShopDatabase.orderCount) / 100)
        #expect(steps.first?.title == "Pre-checks")
        #expect(steps.allSatisfy { !$0.rollback.isEmpty })

        let output = builder.output()
        let duration = try #require(output.claims.first { $0.id == "duration" })
        #expect(duration.evidence.first?.detail?.contains("100 rows/s measured in report.json") == true)
        #expect(
            output.claims.first { $0.id == "order" }?.evidence.contains {
                $0.detail == "main.orders references main.customers"
            } == true
        )
        #expect(output.claims.contains { $0.id == "precheck-verdict" && $0.statement.contains("fail") })
        let folder = try AgentSchemaCheck.writeAndValidate(builder)
        let runbook = try String(
            contentsOf: folder.appendingPathComponent("runbook.md"),
            encoding: .utf8
        )
        #expect(runbook.contains("## Rollback procedure"))
        #expect(runbook.contains("Throughput: 100 rows/s (measured by RowProof)"))
    }
}
