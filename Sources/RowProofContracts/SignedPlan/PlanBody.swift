/// The signed part of a ``SignedPlan``.
public struct PlanBody: ContractModel {
    /// What the plan is for.
    public var kind: SignedPlan.Kind
    /// The plan's identifier.
    public var planID: String
    /// The migration the plan belongs to.
    public var migrationID: String?
    /// When the plan was created (RFC 3339).
    public var createdAt: String
    /// Who or what created the plan.
    public var createdBy: String?
    /// The plan itself; its shape depends on ``kind``.
    public var payload: [String: JSONValue]
    /// SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of ``payload``.
    public var payloadSHA256: String

    /// Creates a plan body.
    public init(
        kind: SignedPlan.Kind,
        planID: String,
        migrationID: String? = nil,
        createdAt: String,
        createdBy: String? = nil,
        payload: [String: JSONValue],
        payloadSHA256: String
    ) {
        self.kind = kind
        self.planID = planID
        self.migrationID = migrationID
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.payload = payload
        self.payloadSHA256 = payloadSHA256
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case planID = "plan_id"
        case migrationID = "migration_id"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case payload
        case payloadSHA256 = "payload_sha256"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["plan_id"].check(planID, matches: .identifier)
        if let migrationID { try path["migration_id"].check(migrationID, matches: .identifier) }
        try path["created_at"].check(createdAt, matches: .timestamp)
        if let createdBy { try path["created_by"].checkNotEmpty(createdBy) }
        try path["payload_sha256"].check(payloadSHA256, matches: .sha256)
    }
}
