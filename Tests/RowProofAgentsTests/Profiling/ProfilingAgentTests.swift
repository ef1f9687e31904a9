import Foundation
import RowProofAgents
import RowProofContracts
import Testing

@Suite struct ProfilingAgentTests {
    func profile(
        _ table: String,
        sampleThreshold: Int = 100_000
    ) throws -> (
        TableProfile, AgentOutputBuilder
    ) {
        let connection = try CatalogConnection(location: "sqlite://" + ShopDatabase.create())
        var discovery = AgentOutputBuilder(run: AgentRun(agent: .discovery))
        let inventory = try DiscoveryAgent().run(connection, tables: [table], builder: &discovery)
        var builder = AgentOutputBuilder(run: AgentRun(agent: .profiling, runID: "test-profile"))
        let profile = try ProfilingAgent(sampleThreshold: sampleThreshold).run(
            connection,
            table: inventory.tables[0],
            builder: &builder
        )
        builder.write(TableProfile.jsonData([profile]), to: "profile.json")
        return (profile, builder)
    }

    @Test func measuresNullsDistinctRangesLengthsScaleAndOffsets() throws {
        let (profile, builder) = try profile("orders")
        #expect(!profile.isSampled)
        #expect(profile.profiledRows == ShopDatabase.orderCount)

        let note = try #require(profile.column("note"))
        #expect(note.nulls == ShopDatabase.orderCount / 4)
        #expect(note.minLength == 1)
        #expect(note.maxLength == 30)
        #expect(note.distinct == 30)

        let amount = try #require(profile.column("amount"))
        #expect(amount.nulls == 0)
        #expect(amount.maxScale == 2)
        #expect(amount.maxIntegerDigits == 2)

        let created = try #require(profile.column("created_at"))
        #expect(
            created.offsets == [ColumnProfile.ValueCount(value: "none", count: ShopDatabase.orderCount)]
        )
        #expect(created.min == "2024-05-10 12:00:00")
        #expect(created.max == "2024-05-29 12:00:00")

        let customer = try #require(profile.column("customer_id"))
        #expect(customer.distinct == ShopDatabase.customerCount)
        #expect(customer.topValues.count == 5)
        #expect(customer.topValues[0].count == ShopDatabase.orderCount / ShopDatabase.customerCount)

        let claim = try #require(builder.output().claims.first { $0.id == "profile-main-orders-note" })
        #expect(claim.statement.contains("50 of 200 rows NULL"))
        #expect(claim.evidence.allSatisfy { $0.kind == .query })
        #expect(
            claim.evidence.first?.reference.contains("count(DISTINCT CAST(\"note\" AS TEXT))") == true
        )
        try AgentSchemaCheck.writeAndValidate(builder)
    }

    @Test func bigTablesAreSampledAndSaySo() throws {
        let (profile, builder) = try profile("orders", sampleThreshold: 50)
        #expect(profile.isSampled)
        #expect(profile.profiledRows == 50)
        #expect(profile.sampleMethod == "LIMIT 50")
        #expect(builder.warnings.contains { $0.contains("profiled a sample of 50 rows") })
        #expect(builder.output().claims.allSatisfy { $0.statement.contains("(sample: LIMIT 50)") })
        try AgentSchemaCheck.writeAndValidate(builder)
    }
}
