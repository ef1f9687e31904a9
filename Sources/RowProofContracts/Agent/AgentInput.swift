/// Something an agent read, pinned by its digest.
public struct AgentInput: ContractModel {
    /// The kinds of input.
    public enum Kind: String, ContractEnum {
        /// A file.
        case file
        /// A database table.
        case table
        /// A query result.
        case query
        /// A reconciliation report.
        case report
        /// A policy.
        case policy
        /// A type-coercion rulebook.
        case rulebook
    }

    /// What the input is: a file path, a table, a query.
    public var name: String
    /// The kind of input.
    public var kind: Kind?
    /// SHA-256 of the input as read.
    public var sha256: String

    /// Creates an input.
    public init(name: String, kind: Kind? = nil, sha256: String) {
        self.name = name
        self.kind = kind
        self.sha256 = sha256
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["name"].checkNotEmpty(name)
        try path["sha256"].check(sha256, matches: .sha256)
    }
}
