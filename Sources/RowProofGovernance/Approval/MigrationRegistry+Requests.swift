import Foundation
public import RowProofContracts
import RowProofSources

extension MigrationRegistry {
    /// Files a request to move `id` into `to`, naming `actor` as its requester, and audits it.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/invalidTransition`` when the transition does
    ///   not exist from the migration's current state.
    @discardableResult
    public func requestTransition(
        migration id: String,
        to: MigrationState,
        actor: String,
        reason: String?
    ) throws(GovernanceError) -> TransitionRequest {
        let current = try migration(id)
        guard machine.definition.transition(from: current.state.rawValue, to: to.rawValue) != nil else {
            throw Self.invalidTransition(
                id,
                from: current.state.rawValue,
                to: to.rawValue,
                allowed: machine.definition.transitions(from: current.state.rawValue)
            )
        }
        let request = TransitionRequest(migration: id, to: to, requester: actor, at: nowText, reason: reason)
        let audit = self.audit
        return try write("file the request for \(id)") { database in
            try audit.record(
                AuditEvent(
                    migration: id,
                    actor: actor,
                    action: "transition.requested",
                    subject: to.rawValue,
                    details: reason.map { ["reason": $0] } ?? [:]
                )
            )
            try database.query(
                "INSERT INTO requests (migration, to_state, requester, at, reason) VALUES (?, ?, ?, ?, ?)",
                [.text(id), .text(to.rawValue), .text(actor), .text(request.at), reason.map(SQLiteValue.text) ?? .null]
            )
            return request
        }
    }

    /// The open request to move `id` into `to`: the latest one filed since the migration entered
    /// its current state, or `nil`.
    public func openRequest(migration id: String, to: MigrationState) throws(GovernanceError) -> TransitionRequest? {
        try read("read requests of \(id)") { database in
            let entered =
                try database.query("SELECT MAX(id) FROM transitions WHERE migration = ?", [.text(id)]).first?.first?
                .integer ?? 0
            let since =
                try database.query("SELECT at FROM transitions WHERE id = ?", [.integer(entered)]).first?.first?.text
                ?? ""
            guard
                let row = try database.query(
                    "SELECT requester, at, reason FROM requests WHERE migration = ? AND to_state = ? AND at >= ? ORDER BY id DESC LIMIT 1",
                    [.text(id), .text(to.rawValue), .text(since)]
                ).first
            else { return nil }
            return TransitionRequest(
                migration: id,
                to: to,
                requester: row[0].text ?? "",
                at: row[1].text ?? "",
                reason: row[2].text
            )
        }
    }

    static func invalidTransition(
        _ id: String,
        from: String,
        to: String,
        allowed: [TransitionDefinition]
    ) -> GovernanceError {
        let list = allowed.map { "\($0.to) (needs \($0.guards.joined(separator: ", ")))" }
        return GovernanceError(
            .invalidTransition,
            "migration \(id) is in \(from); \(from) -> \(to) is not an allowed transition. "
                + (list.isEmpty
                    ? "\(from) is terminal: no transition leaves it."
                    : "Allowed from \(from): \(list.joined(separator: "; "))")
        )
    }
}
