import Foundation

/// One thing that happened to a migration, as it is written to the audit log.
///
/// `action` is a dotted verb (`migration.created`, `migration.advanced`, `approval.granted`,
/// `recon.completed`, `parallel_run.completed`, `cutover.step_done`, `rollback.verified`,
/// `evidence.built`, ...); `subject` names what it acted on (a state, a report's SHA-256, a step
/// id); `details` holds the rest as flat strings so every entry hashes the same way everywhere.
public struct AuditEvent: Sendable, Codable, Equatable {
    /// The migration this event belongs to, or nil for events outside any migration.
    public var migration: String?
    /// Who did it: a user identity, or `rowproof` for the tool itself.
    public var actor: String
    /// What happened, as a dotted verb.
    public var action: String
    /// What it acted on.
    public var subject: String
    /// Everything else worth recording, as flat strings.
    public var details: [String: String]

    public init(migration: String?, actor: String, action: String, subject: String, details: [String: String] = [:]) {
        self.migration = migration
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}

/// Anything that appends events to a hash-chained audit log.
///
/// The SQLite and Postgres audit logs conform; governance code records through this protocol so it
/// works on either backend.
public protocol AuditRecorder: Sendable {
    /// Appends `event` after the current head of the chain and returns the SHA-256 (hex) of the
    /// new entry. Throws when the entry could not be stored; nothing is half-written.
    @discardableResult
    func record(_ event: AuditEvent) throws -> String
}
