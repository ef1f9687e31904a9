/// The approvals by role a state transition needs.
public struct ApprovalRequirement: ContractModel {
    /// The state the transition leaves.
    public var from: MigrationState
    /// The state the transition enters.
    public var to: MigrationState
    /// Approvals required, by role.
    public var roles: [RoleApproval]
    /// Whether the requester may be one of the approvers; `false` when `nil`.
    public var requesterMayApprove: Bool?

    /// Creates a requirement.
    public init(from: MigrationState, to: MigrationState, roles: [RoleApproval], requesterMayApprove: Bool? = nil) {
        self.from = from
        self.to = to
        self.roles = roles
        self.requesterMayApprove = requesterMayApprove
    }

    enum CodingKeys: String, CodingKey {
        case from, to, roles
        case requesterMayApprove = "requester_may_approve"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        guard from != to else { throw path["to"].fail("must differ from \"from\" (\(from.rawValue))") }
        try path["roles"].checkNotEmpty(roles)
        try roles.validateEach(at: path["roles"])
        try path["roles"].checkUnique(roles.map(\.role)) { "role \"\($0)\"" }
    }
}
