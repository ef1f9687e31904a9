import Foundation
import RowProofContracts
import RowProofGovernance
import Testing

@Suite struct ApprovalTests {
    private func readyFixture() throws -> RegistryFixture {
        let fixture = try RegistryFixture()
        try fixture.create("m1")
        try fixture.driveToReadyForCutover("m1")
        return fixture
    }

    @Test func requesterCannotApproveTheirOwnCutover() throws {
        let fixture = try readyFixture()
        try fixture.registry.requestTransition(
            migration: "m1",
            to: .cutoverInProgress,
            actor: "bob",
            reason: "Saturday window"
        )
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.approve(
                migration: "m1",
                to: .cutoverInProgress,
                role: "platform_owner",
                identity: "bob"
            )
        }
        #expect(error?.code == .selfApproval)
        #expect(error?.message.contains("bob") == true)
        #expect(try fixture.registry.approvals(migration: "m1", to: .cutoverInProgress).isEmpty)
    }

    @Test func approverWhoRunsTheCutoverIsRefusedByTheGuard() throws {
        let fixture = try readyFixture()
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "pete")
        }
        #expect(error?.code == .guardFailed)
        #expect(error?.message.contains("requester_not_approver") == true)
        try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "bob")
        #expect(try fixture.registry.migration("m1").state == .cutoverInProgress)
    }

    @Test func approvalOfAStaleReportDoesNotCount() throws {
        let fixture = try readyFixture()
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        // A new version of the approved plan.
        try fixture.attachSignedPlan("m1", .cutoverPlan, steps: ["swap view", "a new step"])

        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "bob")
        }
        #expect(error?.message.contains("stale") == true)
        #expect(error?.message.contains("dora") == true)

        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "bob")
    }

    @Test func approvalOfANamedReportIsBoundToItsHash() throws {
        let fixture = try readyFixture()
        let report = try fixture.attach("m1", "recon_report", content: "v2")
        let approval = try fixture.registry.approve(
            migration: "m1",
            to: .cutoverInProgress,
            role: "data_owner",
            identity: "dora",
            artifact: "recon_report"
        )
        #expect(approval.artifactSHA256 == report.sha256)
        #expect(try fixture.audit.entries().last?.subject == report.sha256)
    }

    @Test func expiredApprovalDoesNotCount() throws {
        let fixture = try readyFixture()
        let expiry = fixture.clock.now.addingTimeInterval(3600)
        try fixture.registry.approve(
            migration: "m1",
            to: .cutoverInProgress,
            role: "data_owner",
            identity: "dora",
            expiresAt: expiry
        )
        try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "platform_owner", identity: "pete")
        fixture.clock.advance(by: 7200)
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.advance(migration: "m1", to: .cutoverInProgress, actor: "bob")
        }
        #expect(error?.message.contains("expired") == true)
    }

    @Test func approvingAnArtifactThatChangedOnDiskIsRefused() throws {
        let fixture = try readyFixture()
        let plan = try #require(try fixture.registry.artifact(migration: "m1", name: "cutover_plan"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: plan.path))
        let error = #expect(throws: GovernanceError.self) {
            try fixture.registry.approve(migration: "m1", to: .cutoverInProgress, role: "data_owner", identity: "dora")
        }
        #expect(error?.message.contains("changed since it was registered") == true)
    }
}
