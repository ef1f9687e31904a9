public import Foundation
public import RowProofSources

/// Where an audit log lives, parsed from what a user wrote: a SQLite file or a Postgres database.
///
/// - `postgres://…` / `postgresql://…` URLs, libpq `key=value` strings, or a secret reference
///   (`env://`, `file://`, `vault://`) holding one: the Postgres log (schema `rowproof`).
/// - `sqlite:///abs/path`, `sqlite:rel/path`, or any other text as a file path: the SQLite log.
public enum AuditLogLocation: Sendable, Equatable {
    /// A SQLite file.
    case sqlite(path: String)
    /// A Postgres database (the text as written; it may hold a password and is never printed).
    case postgres(url: String)

    /// Parses a location.
    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://")
            || SecretReference.looksLikeReference(trimmed) || (trimmed.contains("=") && trimmed.contains("host"))
        {
            self = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst(7))
            if path.hasPrefix("//") { path.removeFirst(2) }
            self = .sqlite(path: path)
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// Opens the log, creating its table on first use.
    ///
    /// - Throws: ``GovernanceError`` when the log cannot be opened.
    public func open(
        secrets: SecretResolver = SecretResolver(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GovernanceError) -> any AuditLog {
        switch self {
        case .sqlite(let path): try SQLiteAuditLog(path: path, clock: clock)
        case .postgres(let url): try PostgresAuditLog(url: url, secrets: secrets, clock: clock)
        }
    }
}
