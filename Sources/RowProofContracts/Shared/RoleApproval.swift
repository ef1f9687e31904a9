/// A number of approvals required from one role, such as one `data_owner`.
public struct RoleApproval: ContractModel, Hashable {
    /// The role, for example `data_owner`.
    public var role: String
    /// How many distinct people with that role must approve (1 ... 10).
    public var count: Int

    /// Creates a requirement of `count` approvals by `role`.
    public init(role: String, count: Int = 1) {
        self.role = role
        self.count = count
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["role"].check(role, matches: .role)
        try path["count"].check(count, in: 1...10)
    }
}
