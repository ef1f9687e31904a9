import Foundation
import RowProofContracts
import RowProofGovernance
import Testing

@Suite struct TransitionGuardTests {
    @Test func invalidTransitionIsRefusedWithTheAllowedOnesListed() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .cutoverDone, actor: "bob")
        }
        #expect(error?.code == .invalidTransition)
        #expect(error?.isRefusal == true)
        #expect(error?.message.contains("DISCOVERED") == true)
        #expect(error?.message.contains("FAILED") == true)
        #expect(try fixture.registry.migration("m1").state == .created)
        #expect(try fixture.audit.entries().last?.action == "migration.transition_refused")
    }

    @Test func terminalStateHasNoWayOut() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.registry.advance(migration: "m1", to: .failed, actor: "bob", reason: "abandoned")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .created, actor: "bob")
        }
        #expect(error?.message.contains("terminal") == true)
    }

    @Test func missingArtifactIsNamed() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .discovered, actor: "bob")
        }
        #expect(error?.code == .guardFailed)
        #expect(error?.message.contains("artifact_present:discovery_report") == true)
    }

    @Test func artifactChangedOnDiskAfterRegistrationIsRefused() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let record = try fixture.attach("m1", "discovery_report", content: "tables: 3")
        try Data("tables: 4".utf8).write(to: URL(fileURLWithPath: record.path))
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .discovered, actor: "bob")
        }
        #expect(error?.message.contains("changed since it was registered") == true)
    }

    @Test func reasonIsRequiredToAbandon() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .failed, actor: "bob")
        }
        #expect(error?.message.contains("reason_recorded") == true)
        let record = try fixture.registry.advance(migration: "m1", to: .failed, actor: "bob", reason: "budget cut")
        #expect(record.reason == "budget cut")
    }

    @Test func advancingWithoutAPassingGateIsRefused() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.attach("m1", "discovery_report")
        try fixture.registry.advance(migration: "m1", to: .discovered, actor: "bob")
        try fixture.attach("m1", "profile_report")
        try fixture.registry.advance(migration: "m1", to: .profiled, actor: "bob")
        try fixture.attach("m1", "column_mapping")
        try fixture.attach("m1", "type_coercion_check")
        try fixture.registry.advance(migration: "m1", to: .mapped, actor: "bob")
        try fixture.attachSignedPlan("m1", .migrationPlan)
        try fixture.registry.approve(migration: "m1", to: .planned, role: "data_owner", identity: "dora")
        try fixture.registry.advance(migration: "m1", to: .planned, actor: "bob")
        try fixture.attach("m1", "replication_started")
        try fixture.registry.advance(migration: "m1", to: .replicating, actor: "bob")
        try fixture.attach("m1", "recon_report")

        let none = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .parallelRun, actor: "bob")
        }
        #expect(none?.message.contains("gate_passed: no reconciliation gate verdict is recorded") == true)

        try fixture.registry.recordGate(
            migration: "m1",
            name: MigrationRegistry.reconGate,
            passed: false,
            evidenceSHA256: nil,
            actor: "rowproof"
        )
        let failed = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .parallelRun, actor: "bob")
        }
        #expect(failed?.message.contains("failed") == true)
        #expect(try fixture.registry.migration("m1").state == .replicating)

        try fixture.registry.recordGate(
            migration: "m1",
            name: MigrationRegistry.reconGate,
            passed: true,
            evidenceSHA256: nil,
            actor: "rowproof"
        )
        try fixture.registry.advance(migration: "m1", to: .parallelRun, actor: "bob")
        #expect(try fixture.registry.migration("m1").state == .parallelRun)
    }

    @Test func unsignedOrUntrustedPlanBlocksPlanned() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.attach("m1", "discovery_report")
        try fixture.registry.advance(migration: "m1", to: .discovered, actor: "bob")
        try fixture.attach("m1", "profile_report")
        try fixture.registry.advance(migration: "m1", to: .profiled, actor: "bob")
        try fixture.attach("m1", "column_mapping")
        try fixture.attach("m1", "type_coercion_check")
        try fixture.registry.advance(migration: "m1", to: .mapped, actor: "bob")
        try fixture.attach("m1", "migration_plan", content: #"{"plan":{"kind":"migration_plan"}}"#)
        try fixture.registry.approve(migration: "m1", to: .planned, role: "data_owner", identity: "dora")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .planned, actor: "bob")
        }
        #expect(error?.message.contains("plan_signed:migration_plan") == true)
        #expect(error?.message.contains("unsigned") == true)
    }

    @Test func dryRunListsUnmetGuardsWithoutChangingAnything() throws {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.driveToReadyForCutover("m1")
        let unmet = try fixture.registry.unmetGuards(migration: "m1", to: .cutoverInProgress, actor: "bob")
        #expect(unmet.map(\.guardText) == ["approvals:data_ownerx1", "approvals:platform_ownerx1"])
        #expect(try fixture.registry.migration("m1").state == .readyForCutover)
    }
}
