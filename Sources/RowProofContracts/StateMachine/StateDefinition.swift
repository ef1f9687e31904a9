/// One state of a state machine.
public struct StateDefinition: ContractModel {
    /// The state's name, such as `PARALLEL_RUN`.
    public var name: String
    /// What holds while a migration is in this state.
    public var description: String

    /// Creates a state.
    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["name"].check(name, matches: .stateName)
        try path["description"].checkNotEmpty(description)
    }
}
