public import Foundation
public import RowProofContracts

/// The migration lifecycle as a pure decision function over a ``StateMachineDefinition``.
///
/// No I/O: the caller answers each guard (artifact present, approvals, gate, ...) through a closure,
/// and executes what the decision says.
public struct MigrationStateMachine: Sendable {
    /// The states, transitions and guards.
    public let definition: StateMachineDefinition

    /// Creates a machine over `definition`.
    public init(definition: StateMachineDefinition) {
        self.definition = definition
    }

    /// RowProof's standard machine (`schemas/state_machine.json`).
    public static let standard: MigrationStateMachine = {
        do {
            return MigrationStateMachine(
                definition: try ContractDecoder().decode(
                    StateMachineDefinition.self,
                    from: Data(standardDefinitionJSON.utf8),
                    fileName: "state_machine.json"
                )
            )
        } catch {
            preconditionFailure("the compiled-in state machine does not validate: \(error)")  // programmer error
        }
    }()

    /// Loads a machine from a state machine document (JSON or YAML).
    ///
    /// - Throws: ``ContractError`` naming the field that breaks the contract.
    public static func load(contentsOf url: URL) throws(ContractError) -> MigrationStateMachine {
        MigrationStateMachine(definition: try ContractDecoder().decode(StateMachineDefinition.self, contentsOf: url))
    }

    /// Decides whether a migration in `from` may move to `to`.
    ///
    /// - Parameters:
    ///   - from: The current state.
    ///   - to: The requested state.
    ///   - check: Answers one guard of the transition; called for every guard, so the refusal
    ///     lists everything that is missing at once.
    public func decide(
        from: String,
        to: String,
        check: (TransitionGuard, TransitionDefinition) -> GuardOutcome
    ) -> TransitionDecision {
        guard let transition = definition.transition(from: from, to: to) else {
            return .invalid(from: from, to: to, allowed: definition.transitions(from: from))
        }
        var unmet: [UnmetGuard] = []
        for text in transition.guards {
            guard let parsed = TransitionGuard(parsing: text) else {
                unmet.append(
                    UnmetGuard(guardText: text, reason: "unknown guard; this version of RowProof cannot check it")
                )
                continue
            }
            if case .unmet(let reason) = check(parsed, transition) {
                unmet.append(UnmetGuard(guardText: text, reason: reason))
            }
        }
        return unmet.isEmpty ? .allowed(transition) : .blocked(transition, unmet: unmet)
    }

    /// Whether `state` is terminal.
    public func isTerminal(_ state: String) -> Bool { definition.terminal.contains(state) }
}
