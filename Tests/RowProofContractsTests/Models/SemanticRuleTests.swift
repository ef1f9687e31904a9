import Foundation
import RowProofContracts
import Testing

/// Rules the JSON schemas cannot express, checked by the models' `validate()`.
@Suite struct SemanticRuleTests {
    private func load<T: ContractModel>(_ type: T.Type, _ path: String) throws -> T {
        try ContractDecoder().decode(type, from: RepositoryFiles.data(path), fileName: path)
    }

    @Test func mappingThatAppliesALossyRuleMustBeLossy() throws {
        var rulebook = try load(TypeCoercionRulebook.self, "policy/type_coercion_rulebook.json")
        let index = try #require(
            rulebook.mappings?.firstIndex { $0.engine == .snowflake && $0.engineType == "timestamp_tz" }
        )
        rulebook.mappings?[index].isLossy = false
        let error = try #require(throws: ContractError.self) { try rulebook.validate() }
        #expect(error.path.description == "mappings[\(index)].lossy")
        #expect(error.message.contains("lossy rule"))
    }

    @Test func mappingMayOnlyNameDefinedRules() throws {
        var rulebook = try load(TypeCoercionRulebook.self, "policy/type_rules/postgres_parquet.json")
        rulebook.pairMappings?[0].rules = ["no_such_rule"]
        let error = try #require(throws: ContractError.self) { try rulebook.validate() }
        #expect(error.path.description == "pair_mappings[0].rules[0]")
    }

    @Test func rulebookLooksUpTypesByAlias() throws {
        let rulebook = try load(TypeCoercionRulebook.self, "policy/type_coercion_rulebook.json")
        let mapping = try #require(rulebook.mapping(engine: .postgres, engineType: "TIMESTAMPTZ"))
        #expect(mapping.logicalType == .timestamp)
        #expect(rulebook.mapping(engine: .postgres, engineType: "no_such_type") == nil)
    }

    @Test func everyStateMustBeReachable() throws {
        var machine = try load(StateMachineDefinition.self, "schemas/state_machine.json")
        machine.transitions.removeAll { $0.to == "DISCOVERED" }
        let error = try #require(throws: ContractError.self) { try machine.validate() }
        #expect(error.message.contains("cannot be reached from CREATED"))
    }

    @Test func approvalsMustMatchTheirGuards() throws {
        var machine = try load(StateMachineDefinition.self, "schemas/state_machine.json")
        let index = try #require(machine.transitions.firstIndex { $0.to == "CUTOVER_IN_PROGRESS" })
        machine.transitions[index].approvals = [RoleApproval(role: "data_owner")]
        let error = try #require(throws: ContractError.self) { try machine.validate() }
        #expect(error.path.description == "transitions[\(index)].approvals")
        #expect(error.message.contains("platform_owner"))
    }

    @Test func noTransitionLeavesATerminalState() throws {
        var machine = try load(StateMachineDefinition.self, "schemas/state_machine.json")
        machine.transitions.append(
            TransitionDefinition(from: "CUTOVER_DONE", to: "ROLLBACK", guards: ["reason_recorded"])
        )
        let error = try #require(throws: ContractError.self) { try machine.validate() }
        #expect(error.path.description == "transitions[\(machine.transitions.count - 1)].from")
    }

    @Test func cutoverNeedsBothOwnersAndNotTheRequester() throws {
        let machine = try load(StateMachineDefinition.self, "schemas/state_machine.json")
        let cutover = try #require(machine.transition(from: "READY_FOR_CUTOVER", to: "CUTOVER_IN_PROGRESS"))
        #expect(cutover.parsedGuards.contains(.requesterNotApprover))
        #expect(cutover.parsedGuards.contains(.approvals(role: "platform_owner", count: 1)))
        #expect(machine.transition(from: "CREATED", to: "CUTOVER_DONE") == nil)

        let policy = try load(Policy.self, "policy/policy.json")
        let approvals = try #require(policy.approvals(from: .readyForCutover, to: .cutoverInProgress))
        #expect(Set(approvals.roles.map(\.role)) == ["data_owner", "platform_owner"])
        #expect(approvals.requesterMayApprove == false)
        #expect(policy.parallelRun.runs == 14 && policy.parallelRun.consecutivePasses == 3)
        #expect(policy.sampling == SamplingParameters(modulus: 10_000, threshold: 100))
    }

    @Test func guardsParseAndPrintBack() {
        for text in [
            "artifact_present:recon_report", "plan_signed:cutover_plan", "approvals:data_ownerx2", "gate_passed",
        ] {
            #expect(TransitionGuard(parsing: text)?.description == text)
        }
        for text in ["approvals:data_ownerx0", "approvals:x1", "plan_signed:deploy_plan", "artifact_present:", "gate"] {
            #expect(TransitionGuard(parsing: text) == nil, "\(text)")
        }
    }

    @Test func consecutivePassesCannotExceedRuns() throws {
        var policy = try load(Policy.self, "policy/policy.json")
        policy.parallelRun.consecutivePasses = 15
        let error = try #require(throws: ContractError.self) { try policy.validate() }
        #expect(error.description == "parallel_run.consecutive_passes: must be <= runs (14) (got 15)")
    }

    @Test func reportTotalsMustAddUp() throws {
        var report = try load(ReconReport.self, "schemas/examples/recon_report/valid-orders-fail.json")
        report.totals.missing += 1
        let error = try #require(throws: ContractError.self) { try report.validate() }
        #expect(error.path.description == "totals")
        #expect(error.message.hasPrefix("must be the sum of the tables' counts"))
    }

    @Test func chunkCountsMustMatchTableCounts() throws {
        var report = try load(ReconReport.self, "schemas/examples/recon_report/valid-orders-fail.json")
        report.tables[0].chunks[2].target.count += 1
        let error = try #require(throws: ContractError.self) { try report.validate() }
        #expect(error.path.description == "tables[0].chunks")
    }

    @Test func evidenceManifestListsItsAuditChain() throws {
        var manifest = try load(EvidenceManifest.self, "schemas/examples/evidence_pack/valid-orders-cutover.json")
        manifest.files.removeAll { $0.kind == .auditLog }
        let error = try #require(throws: ContractError.self) { try manifest.validate() }
        #expect(error.path.description == "audit_chain.path")
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.allCases.sorted() == [.info, .warning, .error, .critical])
        #expect(Verdict.allCases.map(\.exitCode) == [0, 1, 2])
    }
}
