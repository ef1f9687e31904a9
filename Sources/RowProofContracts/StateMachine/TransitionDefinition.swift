/// An allowed transition and the guards it must satisfy.
public struct TransitionDefinition: ContractModel {
    /// The state left.
    public var from: String
    /// The state entered.
    public var to: String
    /// Why a migration takes this transition.
    public var description: String?
    /// Guards, as written (`artifact_present:recon_report`, `approvals:data_ownerx1`, ...).
    public var guards: [String]
    /// Approvals by role; each also appears as an `approvals:<role>x<N>` guard.
    public var approvals: [RoleApproval]?

    /// Creates a transition.
    public init(
        from: String,
        to: String,
        description: String? = nil,
        guards: [String],
        approvals: [RoleApproval]? = nil
    ) {
        self.from = from
        self.to = to
        self.description = description
        self.guards = guards
        self.approvals = approvals
    }

    /// The guards, parsed; valid once the definition validated.
    public var parsedGuards: [TransitionGuard] {
        guards.compactMap(TransitionGuard.init(parsing:))
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["from"].check(from, matches: .stateName)
        try path["to"].check(to, matches: .stateName)
        guard from != to else { throw path["to"].fail("must differ from \"from\" (\(from))") }
        try path["guards"].checkUnique(guards) { "guard \"\($0)\"" }
        var guardedApprovals: [String: Int] = [:]
        for (index, text) in guards.enumerated() {
            guard let parsed = TransitionGuard(parsing: text) else {
                throw path["guards"][index].fail("unknown guard \"\(text)\"; expected \(TransitionGuard.forms)")
            }
            if case .approvals(let role, let count) = parsed { guardedApprovals[role] = count }
        }
        try approvals?.validateEach(at: path["approvals"])
        try path["approvals"].checkUnique((approvals ?? []).map(\.role)) { "role \"\($0)\"" }
        for (index, approval) in (approvals ?? []).enumerated() where guardedApprovals[approval.role] != approval.count
        {
            throw path["approvals"][index].fail(
                "needs the matching guard \"approvals:\(approval.role)x\(approval.count)\" in guards"
            )
        }
        for (role, count) in guardedApprovals.sorted(by: { $0.key < $1.key })
        where approvals?.contains(RoleApproval(role: role, count: count)) != true {
            throw path["approvals"].fail(
                "must list \(count) approval(s) by \(role), as the guard approvals:\(role)x\(count) requires"
            )
        }
    }
}
