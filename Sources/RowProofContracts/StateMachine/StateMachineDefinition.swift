/// A migration state machine as data (`schemas/state_machine.json`): its states, the only
/// transitions allowed between them and the guards each transition must satisfy.
public struct StateMachineDefinition: ContractModel {
    /// The machine's name.
    public var machine: String
    /// The definition's version (semantic version).
    public var version: String
    /// What the machine models.
    public var description: String?
    /// Every state.
    public var states: [StateDefinition]
    /// The state a migration starts in.
    public var initial: String
    /// States no transition leaves.
    public var terminal: [String]
    /// The allowed transitions.
    public var transitions: [TransitionDefinition]

    /// Creates a definition.
    public init(
        machine: String,
        version: String,
        description: String? = nil,
        states: [StateDefinition],
        initial: String,
        terminal: [String],
        transitions: [TransitionDefinition]
    ) {
        self.machine = machine
        self.version = version
        self.description = description
        self.states = states
        self.initial = initial
        self.terminal = terminal
        self.transitions = transitions
    }

    /// The transitions leaving `state`.
    public func transitions(from state: String) -> [TransitionDefinition] {
        transitions.filter { $0.from == state }
    }

    /// The transition `from` -> `to`, or `nil` when it is not allowed.
    public func transition(from: String, to: String) -> TransitionDefinition? {
        transitions.first { $0.from == from && $0.to == to }
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["machine"].check(
            machine,
            matches: ContractPattern("^[a-z][a-z0-9_-]{0,63}$", meaning: "lowercase letters, digits, '_' or '-'")
        )
        try path["version"].check(version, matches: .version)
        try path["states"].check(states.count, atLeast: 2)
        try states.validateEach(at: path["states"])
        try path["states"].checkUnique(states.map(\.name)) { "state \($0)" }
        let names = Set(states.map(\.name))
        guard names.contains(initial) else { throw path["initial"].fail("\"\(initial)\" is not one of the states") }
        try path["terminal"].checkNotEmpty(terminal)
        try path["terminal"].checkUnique(terminal) { "state \($0)" }
        for (index, state) in terminal.enumerated() where !names.contains(state) {
            throw path["terminal"][index].fail("\"\(state)\" is not one of the states")
        }
        try path["transitions"].checkNotEmpty(transitions)
        try transitions.validateEach(at: path["transitions"])
        try path["transitions"].checkUnique(transitions.map { "\($0.from) -> \($0.to)" }) { "transition \($0)" }
        for (index, transition) in transitions.enumerated() {
            let at = path["transitions"][index]
            guard names.contains(transition.from) else {
                throw at["from"].fail("\"\(transition.from)\" is not one of the states")
            }
            guard names.contains(transition.to) else {
                throw at["to"].fail("\"\(transition.to)\" is not one of the states")
            }
            if terminal.contains(transition.from) {
                throw at["from"].fail("\"\(transition.from)\" is terminal; no transition may leave it")
            }
        }
        try checkReachability(at: path)
    }

    /// Every state must be reachable from the initial one, and every non-terminal state must
    /// have a way out.
    private func checkReachability(at path: ContractPath) throws(ContractError) {
        var reached: Set<String> = [initial]
        var frontier = [initial]
        while let state = frontier.popLast() {
            for transition in transitions(from: state) where reached.insert(transition.to).inserted {
                frontier.append(transition.to)
            }
        }
        for (index, state) in states.enumerated() {
            if !reached.contains(state.name) {
                throw path["states"][index].fail("\(state.name) cannot be reached from \(initial)")
            }
            if !terminal.contains(state.name), transitions(from: state.name).isEmpty {
                throw path["states"][index].fail("\(state.name) is not terminal but no transition leaves it")
            }
        }
    }
}
