public import RowProofContracts

/// A file registered under a name for a migration (a report, a plan), with the SHA-256 it had.
public struct ArtifactRecord: Sendable, Codable, Equatable {
    /// The migration.
    public var migration: String
    /// The artifact's name (`recon_report`, `cutover_plan`, ...).
    public var name: String
    /// The absolute path of the file.
    public var path: String
    /// SHA-256 (hex) of the file when it was registered.
    public var sha256: String
    /// When it was registered (RFC 3339).
    public var recordedAt: String
    /// Who registered it.
    public var recordedBy: String

    /// Creates a record.
    public init(migration: String, name: String, path: String, sha256: String, recordedAt: String, recordedBy: String) {
        self.migration = migration
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case migration, name, path, sha256
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
    }
}

/// A recorded gate verdict (`gate` answers `gate_passed`, `parallel_runs` answers `parallel_runs_passed`).
public struct GateRecord: Sendable, Codable, Equatable {
    /// The migration.
    public var migration: String
    /// Which gate (`gate`, `parallel_runs`, or another name a caller reads back).
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// SHA-256 of the evidence the verdict rests on (a report, a run history), if any.
    public var evidenceSHA256: String?
    /// When it was recorded (RFC 3339).
    public var recordedAt: String
    /// Who recorded it.
    public var recordedBy: String
    /// Anything else (counts, the report path).
    public var details: [String: String]

    /// Creates a record.
    public init(
        migration: String,
        name: String,
        passed: Bool,
        evidenceSHA256: String?,
        recordedAt: String,
        recordedBy: String,
        details: [String: String] = [:]
    ) {
        self.migration = migration
        self.name = name
        self.passed = passed
        self.evidenceSHA256 = evidenceSHA256
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case migration, name, passed
        case evidenceSHA256 = "evidence_sha256"
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
        case details
    }
}

/// One state change of a migration.
public struct TransitionRecord: Sendable, Codable, Equatable {
    /// The migration.
    public var migration: String
    /// The state left (nil for the creation).
    public var from: MigrationState?
    /// The state entered.
    public var to: MigrationState
    /// Who made the change.
    public var actor: String
    /// When (RFC 3339).
    public var at: String
    /// Why, when a reason was given.
    public var reason: String?
    /// The audit entry's hash.
    public var auditHash: String

    /// Creates a record.
    public init(
        migration: String,
        from: MigrationState?,
        to: MigrationState,
        actor: String,
        at: String,
        reason: String?,
        auditHash: String
    ) {
        self.migration = migration
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.reason = reason
        self.auditHash = auditHash
    }

    enum CodingKeys: String, CodingKey {
        case migration, from, to, actor, at, reason
        case auditHash = "audit_hash"
    }
}
