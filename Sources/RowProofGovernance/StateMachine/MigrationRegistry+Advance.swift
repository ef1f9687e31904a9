import Foundation
public import RowProofContracts
import RowProofSources

extension MigrationRegistry {
    /// Moves migration `id` into `to` if the state machine allows it and every guard holds.
    ///
    /// The transition and its outcome are audited (`migration.advanced`, or
    /// `migration.transition_refused` with the unmet guards).
    ///
    /// - Parameters:
    ///   - id: The migration.
    ///   - to: The requested state.
    ///   - actor: Who runs the transition.
    ///   - reason: Why (required by `reason_recorded` guards).
    /// - Returns: The recorded transition.
    /// - Throws: ``GovernanceError/Code-swift.struct/invalidTransition`` listing the allowed
    ///   transitions; ``GovernanceError/Code-swift.struct/guardFailed`` listing every unmet guard.
    @discardableResult
    public func advance(
        migration id: String,
        to: MigrationState,
        actor: String,
        reason: String? = nil
    ) throws(GovernanceError) -> TransitionRecord {
        let current = try migration(id)
        let context = GuardContext(migration: current, to: to, actor: actor, reason: reason, now: clock())
        let decision = machine.decide(from: current.state.rawValue, to: to.rawValue) { guardValue, transition in
            check(guardValue, transition, context: context)
        }
        let subject = "\(current.state.rawValue)->\(to.rawValue)"
        // A refusal is audited too; the refusal error is what the caller sees, even if the
        // audit log cannot be written.
        let recordRefusal = { (details: [String: String]) in
            _ = try? self.audit.record(
                AuditEvent(
                    migration: id,
                    actor: actor,
                    action: "migration.transition_refused",
                    subject: subject,
                    details: details
                )
            )
        }
        switch decision {
        case .invalid(let from, let target, let allowed):
            recordRefusal(["why": "not an allowed transition"])
            throw Self.invalidTransition(id, from: from, to: target, allowed: allowed)
        case .blocked(_, let unmet):
            recordRefusal(["unmet": unmet.map(\.guardText).joined(separator: ",")])
            throw GovernanceError(
                .guardFailed,
                "migration \(id) cannot move \(current.state.rawValue) -> \(to.rawValue); not met:\n"
                    + unmet.map { "  - \($0.guardText): \($0.reason)" }.joined(separator: "\n")
            )
        case .allowed(let transition):
            let record = TransitionRecord(
                migration: id,
                from: current.state,
                to: to,
                actor: actor,
                at: AuditEntry.format(context.now),
                reason: reason,
                auditHash: ""
            )
            let audit = self.audit
            let from = current.state
            return try write("record the transition of \(id)") { database in
                guard try Self.loadMigration(id, in: database)?.state == from else {
                    throw GovernanceError(
                        .invalidTransition,
                        "migration \(id) changed state while this transition was checked; run it again"
                    )
                }
                var details = ["guards": transition.guards.joined(separator: ",")]
                if let reason { details["reason"] = reason }
                var stored = record
                stored.auditHash = try audit.record(
                    AuditEvent(
                        migration: id,
                        actor: actor,
                        action: "migration.advanced",
                        subject: subject,
                        details: details
                    )
                )
                try database.query("UPDATE migrations SET state = ? WHERE id = ?", [.text(to.rawValue), .text(id)])
                try database.query(
                    "INSERT INTO transitions (migration, from_state, to_state, actor, at, reason, audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        .text(id), .text(from.rawValue), .text(to.rawValue), .text(actor), .text(stored.at),
                        reason.map(SQLiteValue.text) ?? .null, .text(stored.auditHash),
                    ]
                )
                return stored
            }
        }
    }

    /// The state history of `id`, starting with its creation.
    public func history(migration id: String) throws(GovernanceError) -> [TransitionRecord] {
        try read("read the history of \(id)") { database in
            try database.query(
                "SELECT from_state, to_state, actor, at, reason, audit_hash FROM transitions WHERE migration = ? ORDER BY id",
                [.text(id)]
            ).compactMap { row -> TransitionRecord? in
                guard let to = MigrationState(rawValue: row[1].text ?? "") else { return nil }
                return TransitionRecord(
                    migration: id,
                    from: row[0].text.flatMap(MigrationState.init(rawValue:)),
                    to: to,
                    actor: row[2].text ?? "",
                    at: row[3].text ?? "",
                    reason: row[4].text,
                    auditHash: row[5].text ?? ""
                )
            }
        }
    }

    /// Why `id` cannot move into `to` right now: the unmet guards (empty when it can), or an
    /// ``GovernanceError/Code-swift.struct/invalidTransition`` error when no such transition exists.
    public func unmetGuards(
        migration id: String,
        to: MigrationState,
        actor: String,
        reason: String? = nil
    ) throws(GovernanceError) -> [UnmetGuard] {
        let current = try migration(id)
        let context = GuardContext(migration: current, to: to, actor: actor, reason: reason, now: clock())
        switch machine.decide(from: current.state.rawValue, to: to.rawValue, check: { check($0, $1, context: context) })
        {
        case .invalid(let from, let target, let allowed):
            throw Self.invalidTransition(id, from: from, to: target, allowed: allowed)
        case .blocked(_, let unmet): return unmet
        case .allowed: return []
        }
    }
}
