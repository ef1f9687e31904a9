/// The job a report is for.
public struct ReportJobReference: ContractModel {
    /// The job's name.
    public var name: String
    /// This run's identifier.
    public var id: String

    /// Creates a job reference.
    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["name"].checkNotEmpty(name)
        try path["id"].check(id, matches: .identifier)
    }
}
