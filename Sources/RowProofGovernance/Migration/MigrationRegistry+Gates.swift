import Foundation
import RowProofSources

extension MigrationRegistry {
    /// The gate name that answers the `gate_passed` guard.
    public static let reconGate = "gate"
    /// The gate name that answers the `parallel_runs_passed` guard.
    public static let parallelRunsGate = "parallel_runs"

    /// Records a gate verdict for a migration (latest verdict per name wins) and audits it.
    ///
    /// - Parameters:
    ///   - id: The migration.
    ///   - name: ``reconGate`` (`gate_passed`), ``parallelRunsGate`` (`parallel_runs_passed`) or another name.
    ///   - passed: The verdict.
    ///   - evidenceSHA256: SHA-256 of the report or history the verdict rests on.
    ///   - actor: Who records it (`rowproof` for the tool).
    ///   - details: Anything else worth keeping (counts, a report path).
    @discardableResult
    public func recordGate(
        migration id: String,
        name: String,
        passed: Bool,
        evidenceSHA256: String?,
        actor: String,
        details: [String: String] = [:]
    ) throws(GovernanceError) -> GateRecord {
        let record = GateRecord(
            migration: id,
            name: name,
            passed: passed,
            evidenceSHA256: evidenceSHA256,
            recordedAt: nowText,
            recordedBy: actor,
            details: details
        )
        let audit = self.audit
        return try write("record gate \(name) of \(id)") { database in
            guard try Self.loadMigration(id, in: database) != nil else {
                throw GovernanceError(.notFound, "no migration \(id) in this registry")
            }
            var auditDetails = details
            auditDetails["passed"] = passed ? "true" : "false"
            if let evidenceSHA256 { auditDetails["evidence_sha256"] = evidenceSHA256 }
            try audit.record(
                AuditEvent(migration: id, actor: actor, action: "gate.recorded", subject: name, details: auditDetails)
            )
            try database.query(
                "INSERT INTO gates (migration, name, passed, evidence_sha256, recorded_at, recorded_by, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(name), .integer(passed ? 1 : 0), evidenceSHA256.map(SQLiteValue.text) ?? .null,
                    .text(record.recordedAt), .text(actor), .text(try AuditDetails.encode(details)),
                ]
            )
            return record
        }
    }

    /// The latest verdict of gate `name`, or `nil` when none was recorded.
    public func gate(migration id: String, name: String) throws(GovernanceError) -> GateRecord? {
        try read("read gate \(name) of \(id)") { database in
            guard
                let row = try database.query(
                    "SELECT passed, evidence_sha256, recorded_at, recorded_by, details FROM gates WHERE migration = ? AND name = ? ORDER BY id DESC LIMIT 1",
                    [.text(id), .text(name)]
                ).first
            else { return nil }
            return GateRecord(
                migration: id,
                name: name,
                passed: row[0].integer == 1,
                evidenceSHA256: row[1].text,
                recordedAt: row[2].text ?? "",
                recordedBy: row[3].text ?? "",
                details: try AuditDetails.decode(row[4].text ?? "{}", seq: 0)
            )
        }
    }
}
