import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import Testing

@Suite struct MigrationRegistryTests {
    @Test func createdMigrationStartsInCreatedAndIsAudited() throws {
        let fixture = try RegistryFixture()
        let policy = try fixture.write("policy.json", #"{"version":"1.0.0"}"#)
        let migration = try fixture.registry.create(
            id: "orders-move",
            source: "postgres://old/db",
            target: "postgres://new/db",
            tables: ["public.orders", "public.items"],
            archetype: "lift_and_shift",
            policyPath: policy,
            actor: "bob"
        )
        #expect(migration.state == .created)
        #expect(migration.policySHA256?.count == 64)
        #expect(try fixture.registry.migration("orders-move") == migration)
        let entry = try #require(try fixture.audit.entries().last)
        #expect(entry.action == "migration.created")
        #expect(entry.migration == "orders-move")
        #expect(entry.details["policy_sha256"] == migration.policySHA256)
    }

    @Test func duplicateAndMalformedIDsAreRefused() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let duplicate = #expect(throws: GovernanceError.self) { try fixture.create("m1") }
        #expect(duplicate?.code == .badInput)
        let malformed = #expect(throws: GovernanceError.self) { try fixture.create("has space") }
        #expect(malformed?.message.contains("has space") == true)
    }

    @Test func artifactsAreStoredWithTheirSHA256() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let record = try fixture.attach("m1", "recon_report", content: "report v1")
        #expect(record.sha256 == SHA256.hexDigest(Array("report v1".utf8)))
        #expect(try fixture.registry.artifact(migration: "m1", name: "recon_report") == record)
        let second = try fixture.attach("m1", "recon_report", content: "report v2")
        #expect(second.sha256 != record.sha256)
        #expect(try fixture.registry.artifacts(migration: "m1") == [second])
    }

    @Test func fullPathOnSQLiteEndsInCutoverDoneWithAnIntactChain() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.driveToReadyForCutover("m1")
        try fixture.registry.requestTransition(
            migration: "m1",
            to: .cutoverInProgress,
            actor: "bob",
            reason: "window opens"
        )
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "bob")
        try fixture.attach("m1", "post_cutover_recon_report")
        try fixture.attach("m1", "evidence_pack")
        try fixture.registry.advance(migration: "m1", to: .cutoverDone, actor: "bob")

        #expect(try fixture.registry.migration("m1").state == .cutoverDone)
        let history = try fixture.registry.history(migration: "m1")
        #expect(
            history.map(\.to.rawValue) == [
                "CREATED", "DISCOVERED", "PROFILED", "MAPPED", "PLANNED", "REPLICATING", "PARALLEL_RUN",
                "READY_FOR_CUTOVER", "CUTOVER_IN_PROGRESS", "CUTOVER_DONE",
            ]
        )
        let entries = try fixture.audit.entries()
        #expect(entries.filter { $0.action == "migration.advanced" }.count == 9)
        #expect(Set(history.map(\.auditHash)).isSubset(of: Set(entries.map(\.hash))))
        #expect(try fixture.audit.verify().isIntact)
    }
}

@Suite struct MigrationRegistrySetupTests {
    @Test func auditLogInTheRegistryFileIsRefusedUpFront() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).sqlite")
            .path
        let log = try SQLiteAuditLog(path: path)
        let error = #expect(throws: GovernanceError.self) { try MigrationRegistry(path: path, audit: log) }
        #expect(error?.code == .badInput)
        #expect(error?.message.contains(path) == true)
    }

    @Test func unknownMigrationIsNotFound() throws {
        let fixture = try RegistryFixture()
        let error = #expect(throws: GovernanceError.self) { try fixture.registry.migration("nope") }
        #expect(error?.code == .notFound)
        #expect(error?.isRefusal == false)
    }
}
