import Foundation
import RowProofContracts
import RowProofGovernance
import RowProofTestSupport
import Testing

@Suite struct MigrationStateMachineTests {
    @Test func compiledInMachineIsTheSchemaFile() throws {
        let file = TestEnvironment.repositoryRoot.appendingPathComponent("schemas/state_machine.json")
        let fromFile = try MigrationStateMachine.load(contentsOf: file)
        #expect(MigrationStateMachine.standard.definition == fromFile.definition)
    }

    @Test func unknownTransitionListsTheAllowedOnes() {
        let decision = MigrationStateMachine.standard.decide(from: "CREATED", to: "CUTOVER_DONE") { _, _ in .met }
        guard case .invalid(_, _, let allowed) = decision else {
            Issue.record("CREATED -> CUTOVER_DONE was not refused: \(decision)")
            return
        }
        #expect(allowed.map(\.to).sorted() == ["DISCOVERED", "FAILED"])
    }

    @Test func everyUnmetGuardIsListedAtOnce() {
        let decision = MigrationStateMachine.standard.decide(from: "READY_FOR_CUTOVER", to: "CUTOVER_IN_PROGRESS") {
            guardValue,
            _ in
            guardValue == .gatePassed ? .met : .unmet("missing \(guardValue)")
        }
        guard case .blocked(_, let unmet) = decision else {
            Issue.record("expected the transition to be blocked: \(decision)")
            return
        }
        #expect(
            unmet.map(\.guardText) == [
                "approvals:data_ownerx1", "approvals:platform_ownerx1", "requester_not_approver",
            ]
        )
    }

    @Test func allGuardsMetAllowsTheTransition() {
        let decision = MigrationStateMachine.standard.decide(from: "CREATED", to: "DISCOVERED") { _, _ in .met }
        guard case .allowed(let transition) = decision else {
            Issue.record("expected allowed: \(decision)")
            return
        }
        #expect(transition.guards == ["artifact_present:discovery_report"])
    }
}
