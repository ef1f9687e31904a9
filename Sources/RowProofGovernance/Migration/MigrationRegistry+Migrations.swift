import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofSources

extension MigrationRegistry {
    /// Registers a new migration in its initial state and records `migration.created`.
    ///
    /// The policy file, if any, is hashed now; its SHA-256 is stored with the migration.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` for a bad id, an existing id or an
    ///   unreadable policy file.
    @discardableResult
    public func create(
        id: String,
        source: String,
        target: String,
        tables: [String],
        archetype: String,
        policyPath: String?,
        actor: String
    ) throws(GovernanceError) -> Migration {
        guard id.range(of: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", options: .regularExpression) != nil else {
            throw GovernanceError(
                .badInput,
                "migration id \"\(id)\" is not valid: use letters, digits, '.', '_', ':' or '-' (at most 128)"
            )
        }
        guard !tables.isEmpty else {
            throw GovernanceError(.badInput, "migration \(id): name at least one table (--table)")
        }
        let policy = try policyPath.map { path throws(GovernanceError) in try Self.hashFile(path, what: "policy file") }
        let policySHA = policy?.sha256
        let policyAbsolute = policy?.path
        guard let initial = MigrationState(rawValue: machine.definition.initial) else {
            throw GovernanceError(
                .badInput,
                "the state machine's initial state \(machine.definition.initial) is not a RowProof state"
            )
        }
        let migration = Migration(
            id: id,
            source: source,
            target: target,
            tables: tables,
            archetype: archetype,
            policyPath: policyAbsolute,
            policySHA256: policySHA,
            state: initial,
            createdBy: actor,
            createdAt: nowText
        )
        let audit = self.audit
        return try write("create migration \(id)") { database in
            guard try database.query("SELECT 1 FROM migrations WHERE id = ?", [.text(id)]).isEmpty else {
                throw GovernanceError(
                    .badInput,
                    "migration \(id) already exists",
                    hint: "see it with `rowproof migration status \(id)`"
                )
            }
            var details = [
                "source": source, "target": target, "tables": tables.joined(separator: ","), "archetype": archetype,
            ]
            if let policySHA { details["policy_sha256"] = policySHA }
            let hash = try audit.record(
                AuditEvent(
                    migration: id,
                    actor: actor,
                    action: "migration.created",
                    subject: initial.rawValue,
                    details: details
                )
            )
            let tablesJSON = String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
            try database.query(
                "INSERT INTO migrations (id, source, target, tables, archetype, policy_path, policy_sha256, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(source), .text(target), .text(tablesJSON), .text(archetype),
                    policyAbsolute.map(SQLiteValue.text) ?? .null,
                    policySHA.map(SQLiteValue.text) ?? .null, .text(initial.rawValue), .text(actor),
                    .text(migration.createdAt),
                ]
            )
            try database.query(
                "INSERT INTO transitions (migration, from_state, to_state, actor, at, reason, audit_hash) VALUES (?, NULL, ?, ?, ?, NULL, ?)",
                [.text(id), .text(initial.rawValue), .text(actor), .text(migration.createdAt), .text(hash)]
            )
            return migration
        }
    }

    /// The migration `id`.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/notFound`` when there is none.
    public func migration(_ id: String) throws(GovernanceError) -> Migration {
        guard let migration = try read("read migration \(id)", { try Self.loadMigration(id, in: $0) }) else {
            throw GovernanceError(
                .notFound,
                "no migration \(id) in this registry",
                hint: "create it with `rowproof migration create \(id) …`, or check --home"
            )
        }
        return migration
    }

    /// Every migration, by id.
    public func migrations() throws(GovernanceError) -> [Migration] {
        try read("list migrations") { database in
            try database.query("SELECT id FROM migrations ORDER BY id").compactMap { row in
                try row[0].text.flatMap { try Self.loadMigration($0, in: database) }
            }
        }
    }

    static func loadMigration(_ id: String, in database: SQLiteDatabase) throws -> Migration? {
        guard
            let row = try database.query(
                "SELECT id, source, target, tables, archetype, policy_path, policy_sha256, state, created_by, created_at FROM migrations WHERE id = ?",
                [.text(id)]
            ).first
        else { return nil }
        let tables = (try? JSONDecoder().decode([String].self, from: Data((row[3].text ?? "[]").utf8))) ?? []
        guard let state = MigrationState(rawValue: row[7].text ?? "") else {
            throw GovernanceError(
                .storage,
                "migration \(id) has an unknown state \"\(row[7].text ?? "")\" in the registry"
            )
        }
        return Migration(
            id: row[0].text ?? id,
            source: row[1].text ?? "",
            target: row[2].text ?? "",
            tables: tables,
            archetype: row[4].text ?? "",
            policyPath: row[5].text,
            policySHA256: row[6].text,
            state: state,
            createdBy: row[8].text ?? "",
            createdAt: row[9].text ?? ""
        )
    }

    /// The absolute path and SHA-256 (hex) of the file at `path`.
    static func hashFile(_ path: String, what: String) throws(GovernanceError) -> (path: String, sha256: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw GovernanceError(.badInput, "\(what) \(absolute) does not exist or is not readable")
        }
        return (absolute, SHA256.hexDigest(data))
    }
}
