public import Foundation
public import RowProofContracts
import RowProofSources

extension MigrationRegistry {
    /// Records that `identity`, acting as `role`, approves the current version of `artifact` for
    /// the transition into `to`.
    ///
    /// The approval is bound to the artifact's SHA-256 now: if the artifact is registered again
    /// with other content, this approval stops counting.
    ///
    /// - Parameters:
    ///   - id: The migration.
    ///   - to: The state the approved transition enters.
    ///   - role: The approver's role (`data_owner`, `platform_owner`).
    ///   - identity: Who approves.
    ///   - artifact: The approved artifact; default ``ApprovalSubject/defaultArtifact(for:)``.
    ///   - expiresAt: When the approval stops counting, if ever.
    /// - Throws: ``GovernanceError/Code-swift.struct/selfApproval`` when `identity` requested the
    ///   transition (``requestTransition(migration:to:actor:reason:)``);
    ///   ``GovernanceError/Code-swift.struct/guardFailed`` when the artifact is missing or changed on disk.
    @discardableResult
    public func approve(
        migration id: String,
        to: MigrationState,
        role: String,
        identity: String,
        artifact: String? = nil,
        expiresAt: Date? = nil
    ) throws(GovernanceError) -> ApprovalRecord {
        guard role.range(of: "^[a-z][a-z0-9_]{0,63}$", options: .regularExpression) != nil else {
            throw GovernanceError(
                .badInput,
                "role \"\(role)\" is not valid: use lowercase letters, digits and '_' (like data_owner)"
            )
        }
        guard !identity.isEmpty else { throw GovernanceError(.badInput, "the approver's identity is empty (--actor)") }
        guard let name = artifact ?? ApprovalSubject.defaultArtifact(for: to) else {
            throw GovernanceError(
                .badInput,
                "name the artifact this approval is for (--artifact): approvals for \(to.rawValue) have no default"
            )
        }
        let now = clock()
        if let expiresAt, expiresAt <= now {
            throw GovernanceError(
                .badInput,
                "the approval would expire at \(AuditEntry.format(expiresAt)), which is not in the future"
            )
        }
        let record: ArtifactRecord
        switch try checkArtifact(migration: id, name: name) {
        case .success(let current): record = current
        case .failure(let error):
            throw GovernanceError(.guardFailed, "cannot approve: \(error.message)", hint: error.hint)
        }
        if let request = try openRequest(migration: id, to: to), request.requester == identity {
            throw GovernanceError(
                .selfApproval,
                "\(identity) requested the transition of \(id) to \(to.rawValue) and cannot also approve it",
                hint: "another person with the role \(role) must approve"
            )
        }
        let approval = ApprovalRecord(
            migration: id,
            role: role,
            identity: identity,
            to: to,
            artifact: name,
            artifactSHA256: record.sha256,
            grantedAt: AuditEntry.format(now),
            expiresAt: expiresAt.map(AuditEntry.format)
        )
        let audit = self.audit
        return try write("record the approval of \(id)") { database in
            var details = ["role": role, "to": to.rawValue, "artifact": name, "artifact_sha256": record.sha256]
            if let expires = approval.expiresAt { details["expires_at"] = expires }
            try audit.record(
                AuditEvent(
                    migration: id,
                    actor: identity,
                    action: "approval.granted",
                    subject: record.sha256,
                    details: details
                )
            )
            try database.query(
                "INSERT INTO approvals (migration, role, identity, to_state, artifact, artifact_sha256, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(role), .text(identity), .text(to.rawValue), .text(name), .text(record.sha256),
                    .text(approval.grantedAt), approval.expiresAt.map(SQLiteValue.text) ?? .null,
                ]
            )
            return approval
        }
    }

    /// Every approval recorded for transitions of `id` into `to` (counted or not), oldest first.
    public func approvals(migration id: String, to: MigrationState? = nil) throws(GovernanceError) -> [ApprovalRecord] {
        try read("read approvals of \(id)") { database in
            try database.query(
                "SELECT role, identity, to_state, artifact, artifact_sha256, granted_at, expires_at FROM approvals WHERE migration = ? ORDER BY id",
                [.text(id)]
            ).compactMap { row -> ApprovalRecord? in
                guard let state = MigrationState(rawValue: row[2].text ?? ""), to == nil || state == to else {
                    return nil
                }
                return ApprovalRecord(
                    migration: id,
                    role: row[0].text ?? "",
                    identity: row[1].text ?? "",
                    to: state,
                    artifact: row[3].text ?? "",
                    artifactSHA256: row[4].text ?? "",
                    grantedAt: row[5].text ?? "",
                    expiresAt: row[6].text
                )
            }
        }
    }
}
