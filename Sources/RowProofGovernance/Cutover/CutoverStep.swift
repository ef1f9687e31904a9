public import RowProofContracts

/// One step of a cutover: checks that must hold before it, its action, the checks that prove it
/// worked, and the action that undoes it.
public struct CutoverStep: ContractModel {
    /// The step's identifier, unique in the plan (named in reports, errors and the audit log).
    public var id: String
    /// What the step does, in words.
    public var description: String?
    /// Conditions that must hold before the action runs; a failing one stops the cutover.
    public var preChecks: [CutoverCheck]
    /// The change.
    public var action: CutoverAction
    /// Conditions that must hold after the action; a failing one stops the cutover and rolls back.
    public var verify: [CutoverCheck]
    /// What undoes the action.
    public var rollback: CutoverAction

    /// Creates a step.
    public init(
        id: String,
        description: String? = nil,
        preChecks: [CutoverCheck] = [],
        action: CutoverAction,
        verify: [CutoverCheck] = [],
        rollback: CutoverAction
    ) {
        self.id = id
        self.description = description
        self.preChecks = preChecks
        self.action = action
        self.verify = verify
        self.rollback = rollback
    }

    enum CodingKeys: String, CodingKey {
        case id, description
        case preChecks = "pre_checks"
        case action, verify, rollback
    }

    /// Decodes a step; `pre_checks` and `verify` may be left out (no checks).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        preChecks = try container.decodeIfPresent([CutoverCheck].self, forKey: .preChecks) ?? []
        action = try container.decode(CutoverAction.self, forKey: .action)
        verify = try container.decodeIfPresent([CutoverCheck].self, forKey: .verify) ?? []
        rollback = try container.decode(CutoverAction.self, forKey: .rollback)
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["id"].check(id, matches: .identifier)
        for (index, check) in preChecks.enumerated() { try check.validate(at: path["pre_checks"][index]) }
        try action.validate(at: path["action"])
        guard action.restoreFile == nil else {
            throw path["action"]["restore_file"].fail("restore_file undoes a write; use it as a rollback action")
        }
        for (index, check) in verify.enumerated() { try check.validate(at: path["verify"][index]) }
        try rollback.validate(at: path["rollback"])
    }
}
