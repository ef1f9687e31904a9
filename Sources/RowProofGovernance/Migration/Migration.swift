public import RowProofContracts

/// A named migration: what moves where, under which policy, and where it is in its lifecycle.
public struct Migration: Sendable, Codable, Equatable {
    /// The migration's identifier (letters, digits, `.`, `_`, `:`, `-`).
    public var id: String
    /// The source database location as written (secrets stay references; never a password).
    public var source: String
    /// The target database location as written.
    public var target: String
    /// The tables that move.
    public var tables: [String]
    /// The migration archetype (`lift_and_shift`, `replatform`, ...).
    public var archetype: String
    /// The policy file, if any.
    public var policyPath: String?
    /// SHA-256 (hex) of the policy file when the migration was created.
    public var policySHA256: String?
    /// The current state.
    public var state: MigrationState
    /// Who created it.
    public var createdBy: String
    /// When it was created (RFC 3339).
    public var createdAt: String

    /// Creates a migration record.
    public init(
        id: String,
        source: String,
        target: String,
        tables: [String],
        archetype: String,
        policyPath: String? = nil,
        policySHA256: String? = nil,
        state: MigrationState = .created,
        createdBy: String,
        createdAt: String = ""
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.tables = tables
        self.archetype = archetype
        self.policyPath = policyPath
        self.policySHA256 = policySHA256
        self.state = state
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, source, target, tables, archetype
        case policyPath = "policy_path"
        case policySHA256 = "policy_sha256"
        case state
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}
