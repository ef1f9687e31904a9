public import Foundation
public import RowProofSources
import Synchronization

/// The audit log in a Postgres database: table `audit_log` in schema `rowproof` (by default).
///
/// The database itself refuses to change the log: a `BEFORE UPDATE OR DELETE` row trigger and a
/// `BEFORE TRUNCATE` statement trigger raise an exception (this stops even the table's owner), and
/// UPDATE, DELETE and TRUNCATE are revoked from PUBLIC, so writer roles are granted only INSERT and
/// SELECT. Appends run in a transaction that takes `LOCK TABLE … IN EXCLUSIVE MODE` before reading
/// the head, so concurrent writers queue up instead of forking the chain.
public final class PostgresAuditLog: AuditLog {
    private let connection: Mutex<PostgresConnection>
    private let clock: @Sendable () -> Date
    /// The schema holding `audit_log`.
    public let schema: String
    /// The server, with any password redacted.
    public let redactedTarget: String

    /// Connects to `url` and creates the schema, table, triggers and revokes on first use.
    ///
    /// - Parameters:
    ///   - url: A `postgres://` URL or libpq string, or a secret reference (`env://`, `file://`,
    ///     `vault://`) holding one.
    ///   - schema: The schema for `audit_log` (lowercase letters, digits, `_`).
    ///   - secrets: Resolves a secret reference in `url`.
    ///   - clock: Where entry timestamps come from.
    /// - Throws: ``GovernanceError/Code-swift.struct/storage`` when the server cannot be reached or
    ///   the log cannot be prepared; ``GovernanceError/Code-swift.struct/badInput`` for a bad schema name.
    public init(
        url: String,
        schema: String = "rowproof",
        secrets: SecretResolver = SecretResolver(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GovernanceError) {
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw GovernanceError(.badInput, "audit log schema \"\(schema)\" is not a plain lowercase identifier")
        }
        self.schema = schema
        self.clock = clock
        let connection: PostgresConnection
        do {
            let location = try SourceLocation(parsing: url)
            redactedTarget = location.redacted
            var conninfo = url
            if let reference = SecretReference(parsing: url.trimmingCharacters(in: .whitespaces)) {
                conninfo = try secrets.resolve(reference)
            }
            connection = try PostgresConnection(conninfo: conninfo, redactedTarget: location.redacted)
            for statement in Self.setupStatements(schema: schema) { try connection.query(statement) }
        } catch {
            throw GovernanceError(.storage, "cannot prepare the audit log \(schema).audit_log: \(error)")
        }
        self.connection = Mutex(connection)
    }

    public var locationDescription: String { "\(redactedTarget) (table \(schema).audit_log)" }

    /// The statements that create the log; safe to run again and from several processes at once.
    static func setupStatements(schema: String) -> [String] {
        let table = "\(schema).audit_log"
        return [
            "BEGIN",
            "SELECT pg_advisory_xact_lock(hashtext('rowproof.audit_log.setup'))",
            "CREATE SCHEMA IF NOT EXISTS \(schema)",
            """
            CREATE TABLE IF NOT EXISTS \(table) (
                seq bigint PRIMARY KEY, previous_hash text NOT NULL, "timestamp" text NOT NULL, migration text,
                actor text NOT NULL, action text NOT NULL, subject text NOT NULL, details text NOT NULL,
                hash text NOT NULL UNIQUE)
            """,
            """
            CREATE OR REPLACE FUNCTION \(schema).audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit log %.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END $$
            """,
            """
            CREATE OR REPLACE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION \(schema).audit_log_refuse_change()
            """,
            """
            CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION \(schema).audit_log_refuse_change()
            """,
            "REVOKE UPDATE, DELETE, TRUNCATE ON \(table) FROM PUBLIC",
            "COMMIT",
        ]
    }

    @discardableResult
    public func record(_ event: AuditEvent) throws -> String {
        let now = clock()
        let table = "\(schema).audit_log"
        return try connection.withLock { connection in
            do {
                try connection.query("BEGIN")
                do {
                    try connection.query("LOCK TABLE \(table) IN EXCLUSIVE MODE")
                    let head = try connection.query("SELECT seq, hash FROM \(table) ORDER BY seq DESC LIMIT 1").first
                    let previous = head.flatMap { row in
                        (row[0].flatMap { Int64($0) }).flatMap { seq in row[1].map { (seq, $0) } }
                    }
                    let entry = try AuditEntry(event: event, after: previous, at: now)
                    try connection.query(
                        """
                        INSERT INTO \(table) (seq, previous_hash, "timestamp", migration, actor, action, subject, details, hash)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        """,
                        [
                            String(entry.seq), entry.previousHash, entry.timestamp, entry.migration, entry.actor,
                            entry.action,
                            entry.subject, try AuditDetails.encode(entry.details), entry.hash,
                        ]
                    )
                    try connection.query("COMMIT")
                    return entry.hash
                } catch {
                    _ = try? connection.query("ROLLBACK")
                    throw error
                }
            } catch {
                throw GovernanceError(
                    .storage,
                    "cannot append \(event.action) to the audit log \(locationDescription): \(error)"
                )
            }
        }
    }

    public func entries() throws -> [AuditEntry] {
        let table = "\(schema).audit_log"
        return try connection.withLock { connection in
            let rows = try connection.query(
                "SELECT seq, previous_hash, \"timestamp\", migration, actor, action, subject, details, hash FROM \(table) ORDER BY seq"
            )
            return try rows.map { row in
                let seq = row[0].flatMap { Int64($0) } ?? -1
                return AuditEntry(
                    seq: seq,
                    previousHash: row[1] ?? "",
                    timestamp: row[2] ?? "",
                    migration: row[3],
                    actor: row[4] ?? "",
                    action: row[5] ?? "",
                    subject: row[6] ?? "",
                    details: try AuditDetails.decode(row[7] ?? "", seq: seq),
                    hash: row[8] ?? ""
                )
            }
        }
    }
}
