public import Foundation
public import RowProofContracts

/// An approval: a person, acting in a role, approves one exact version (SHA-256) of an artifact
/// for a transition into `to`, optionally until `expiresAt`.
public struct ApprovalRecord: Sendable, Codable, Equatable {
    /// The migration.
    public var migration: String
    /// The role the approver acts in (`data_owner`, `platform_owner`).
    public var role: String
    /// Who approves.
    public var identity: String
    /// The transition's target state the approval is for.
    public var to: MigrationState
    /// The approved artifact's name.
    public var artifact: String
    /// The approved artifact's SHA-256: the approval counts only while the artifact still has it.
    public var artifactSHA256: String
    /// When it was granted (RFC 3339).
    public var grantedAt: String
    /// When it stops counting (RFC 3339), if ever.
    public var expiresAt: String?

    /// Creates a record.
    public init(
        migration: String,
        role: String,
        identity: String,
        to: MigrationState,
        artifact: String,
        artifactSHA256: String,
        grantedAt: String,
        expiresAt: String?
    ) {
        self.migration = migration
        self.role = role
        self.identity = identity
        self.to = to
        self.artifact = artifact
        self.artifactSHA256 = artifactSHA256
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case migration, role, identity, to, artifact
        case artifactSHA256 = "artifact_sha256"
        case grantedAt = "granted_at"
        case expiresAt = "expires_at"
    }

    /// Whether the approval has expired at `now`.
    public func isExpired(at now: Date) -> Bool {
        guard let expiresAt, let date = ApprovalRecord.parseDate(expiresAt) else { return false }
        return date <= now
    }

    /// Parses an RFC 3339 date with or without fractional seconds.
    public static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}

/// Which artifact an approval for a transition approves, when the approver does not name one.
public enum ApprovalSubject {
    /// The artifact approved by default for a transition into `state`: the migration plan for
    /// PLANNED, the cutover plan for CUTOVER_IN_PROGRESS, the rollback plan for ROLLBACK.
    public static func defaultArtifact(for state: MigrationState) -> String? {
        switch state {
        case .planned: "migration_plan"
        case .cutoverInProgress: "cutover_plan"
        case .rollback: "rollback_plan"
        case .created, .discovered, .profiled, .mapped, .replicating, .parallelRun, .readyForCutover, .cutoverDone,
            .failed, .rolledBack:
            nil
        }
    }
}
