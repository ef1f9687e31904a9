import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofSources

extension MigrationRegistry {
    /// Registers the file at `path` as the artifact `name` of a migration, storing its SHA-256.
    ///
    /// Registering the same name again records a new version; guards and approvals then refer to
    /// the new SHA-256, so approvals of the old version stop counting.
    ///
    /// - Throws: ``GovernanceError`` when the migration does not exist, the name is not valid or the
    ///   file cannot be read.
    @discardableResult
    public func registerArtifact(
        migration id: String,
        name: String,
        path: String,
        actor: String
    ) throws(GovernanceError) -> ArtifactRecord {
        guard name.range(of: "^[a-z][a-z0-9_]{0,63}$", options: .regularExpression) != nil else {
            throw GovernanceError(
                .badInput,
                "artifact name \"\(name)\" is not valid: use lowercase letters, digits and '_' (like recon_report)"
            )
        }
        let (absolute, sha) = try Self.hashFile(path, what: "artifact \(name)")
        let record = ArtifactRecord(
            migration: id,
            name: name,
            path: absolute,
            sha256: sha,
            recordedAt: nowText,
            recordedBy: actor
        )
        let audit = self.audit
        return try write("register artifact \(name) of \(id)") { database in
            guard try Self.loadMigration(id, in: database) != nil else {
                throw GovernanceError(.notFound, "no migration \(id) in this registry")
            }
            try audit.record(
                AuditEvent(
                    migration: id,
                    actor: actor,
                    action: "artifact.registered",
                    subject: name,
                    details: ["path": absolute, "sha256": sha]
                )
            )
            try database.query(
                "INSERT INTO artifacts (migration, name, path, sha256, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(id), .text(name), .text(absolute), .text(sha), .text(record.recordedAt), .text(actor)]
            )
            return record
        }
    }

    /// The current (latest registered) version of artifact `name`, or `nil`.
    public func artifact(migration id: String, name: String) throws(GovernanceError) -> ArtifactRecord? {
        try read("read artifact \(name) of \(id)") { database in try Self.loadArtifact(id, name, in: database) }
    }

    /// The current version of every artifact of a migration, by name.
    public func artifacts(migration id: String) throws(GovernanceError) -> [ArtifactRecord] {
        try read("list artifacts of \(id)") { database in
            try database.query("SELECT DISTINCT name FROM artifacts WHERE migration = ? ORDER BY name", [.text(id)])
                .compactMap { row in
                    try row[0].text.flatMap { try Self.loadArtifact(id, $0, in: database) }
                }
        }
    }

    /// Checks that the current version of artifact `name` is registered and its file still has the
    /// recorded SHA-256; returns the record, or why not.
    public func checkArtifact(
        migration id: String,
        name: String
    ) throws(GovernanceError) -> Result<ArtifactRecord, GovernanceError> {
        guard let record = try artifact(migration: id, name: name) else {
            return .failure(
                GovernanceError(
                    .guardFailed,
                    "artifact \(name) is not registered",
                    hint: "register it with `rowproof migration artifact \(id) \(name) FILE`"
                )
            )
        }
        guard let data = FileManager.default.contents(atPath: record.path) else {
            return .failure(
                GovernanceError(.guardFailed, "artifact \(name) was registered at \(record.path) but the file is gone")
            )
        }
        let now = SHA256.hexDigest(data)
        guard now == record.sha256 else {
            return .failure(
                GovernanceError(
                    .guardFailed,
                    "artifact \(name) at \(record.path) changed since it was registered (recorded sha256 \(record.sha256.prefix(16))…, now \(now.prefix(16))…)",
                    hint:
                        "register the new version with `rowproof migration artifact \(id) \(name) \(record.path)`; approvals of the old one will not count"
                )
            )
        }
        return .success(record)
    }

    static func loadArtifact(_ id: String, _ name: String, in database: SQLiteDatabase) throws -> ArtifactRecord? {
        guard
            let row = try database.query(
                "SELECT path, sha256, recorded_at, recorded_by FROM artifacts WHERE migration = ? AND name = ? ORDER BY id DESC LIMIT 1",
                [.text(id), .text(name)]
            ).first
        else { return nil }
        return ArtifactRecord(
            migration: id,
            name: name,
            path: row[0].text ?? "",
            sha256: row[1].text ?? "",
            recordedAt: row[2].text ?? "",
            recordedBy: row[3].text ?? ""
        )
    }
}
