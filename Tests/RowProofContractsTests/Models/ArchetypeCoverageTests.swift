import Foundation
import RowProofContracts
import Testing

/// Every archetype template must carry a migration along the state machine's happy path: each
/// artifact a guard asks for on the way to CUTOVER_DONE is produced by a step that reaches that state.
@Suite struct ArchetypeCoverageTests {
    static let archetypeFiles = RepositoryFiles.names(in: "archetypes").filter { $0.hasSuffix(".json") }

    static let happyPath: [MigrationState] = [
        .created, .discovered, .profiled, .mapped, .planned, .replicating, .parallelRun, .readyForCutover,
        .cutoverInProgress, .cutoverDone,
    ]

    @Test func theRepositoryShipsArchetypes() {
        #expect(Self.archetypeFiles.count >= 2, "archetypes/: \(Self.archetypeFiles)")
    }

    @Test(arguments: archetypeFiles)
    func stepsCoverEveryArtifactGuardOfTheHappyPath(_ name: String) throws {
        let decoder = ContractDecoder()
        let archetype = try decoder.decode(
            Archetype.self,
            from: try RepositoryFiles.data("archetypes/\(name)"),
            fileName: name
        )
        let machine = try decoder.decode(
            StateMachineDefinition.self,
            from: try RepositoryFiles.data("schemas/state_machine.json"),
            fileName: "state_machine.json"
        )
        #expect(archetype.archetype + ".json" == name, "the file is named after its archetype")

        var missing: [String] = []
        for (from, to) in zip(Self.happyPath, Self.happyPath.dropFirst()) {
            let transition = try #require(
                machine.transitions.first { $0.from == from.rawValue && $0.to == to.rawValue },
                "\(from) -> \(to)"
            )
            for guardClause in transition.parsedGuards {
                let artifact: String? =
                    switch guardClause {
                    case .artifactPresent(let kind): kind
                    case .planSigned(let kind): kind.rawValue
                    case .parallelRunsPassed: "parallel_run_history"
                    case .evidenceSealed: "evidence_pack"
                    default: nil
                    }
                guard let artifact else { continue }
                if !archetype.steps.contains(where: { $0.artifact == artifact && $0.reaches == to }) {
                    missing.append("\(artifact) (for \(from.rawValue) -> \(to.rawValue))")
                }
            }
        }
        #expect(missing.isEmpty, "\(name): no step produces \(missing)")
    }

    @Test(arguments: archetypeFiles)
    func rulebookAndPolicyExistAndDescribeTheEngines(_ name: String) throws {
        let decoder = ContractDecoder()
        let archetype = try decoder.decode(
            Archetype.self,
            from: try RepositoryFiles.data("archetypes/\(name)"),
            fileName: name
        )
        let rulebook = try decoder.decode(
            TypeCoercionRulebook.self,
            from: try RepositoryFiles.data(archetype.rulebook),
            fileName: archetype.rulebook
        )
        _ = try decoder.decode(
            Policy.self,
            from: try RepositoryFiles.data(archetype.policy),
            fileName: archetype.policy
        )
        let engines = Set((rulebook.mappings ?? []).map(\.engine.rawValue))
        #expect(
            engines.contains(archetype.sourceEngine.rawValue),
            "\(archetype.rulebook) has no rules for \(archetype.sourceEngine)"
        )
        #expect(
            engines.contains(archetype.targetEngine.rawValue),
            "\(archetype.rulebook) has no rules for \(archetype.targetEngine)"
        )
    }
}
