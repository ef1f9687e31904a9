public import Foundation
import RowProofSources
import Synchronization

/// The default audit log: a table `audit_log` in a SQLite file.
///
/// SQLite triggers refuse UPDATE and DELETE on the table, and every append runs in a
/// `BEGIN IMMEDIATE` transaction that reads the head and inserts after it, so concurrent writers
/// (threads or processes) queue up instead of forking the chain. Someone with write access to the
/// file can still drop the triggers; ``AuditLog/verify()`` then names the entry they changed.
public final class SQLiteAuditLog: AuditLog {
    private let database: Mutex<SQLiteDatabase>
    private let clock: @Sendable () -> Date
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the audit log in the SQLite file at `path`.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; its folder must exist.
    ///   - clock: Where entry timestamps come from.
    /// - Throws: ``GovernanceError/Code-swift.struct/storage`` when the file cannot be opened or prepared.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(GovernanceError) {
        self.path = path
        self.clock = clock
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS audit_log (
                    seq INTEGER PRIMARY KEY, previous_hash TEXT NOT NULL, timestamp TEXT NOT NULL, migration TEXT,
                    actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, details TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE);
                CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
                CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
                """
            )
            self.database = Mutex(database)
        } catch {
            throw GovernanceError(
                .storage,
                "cannot open the audit log \(path): \(error)",
                hint: "check that the folder exists and is writable"
            )
        }
    }

    public var locationDescription: String { "sqlite:\(path)" }

    @discardableResult
    public func record(_ event: AuditEvent) throws -> String {
        let now = clock()
        return try database.withLock { database in
            do {
                return try database.transaction {
                    let head = try database.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
                    let previous = head.flatMap { row in row[0].integer.flatMap { seq in row[1].text.map { (seq, $0) } }
                    }
                    let entry = try AuditEntry(event: event, after: previous, at: now)
                    try database.query(
                        """
                        INSERT INTO audit_log (seq, previous_hash, timestamp, migration, actor, action, subject, details, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .integer(entry.seq), .text(entry.previousHash), .text(entry.timestamp),
                            entry.migration.map(SQLiteValue.text) ?? .null, .text(entry.actor), .text(entry.action),
                            .text(entry.subject), .text(try AuditDetails.encode(entry.details)), .text(entry.hash),
                        ]
                    )
                    return entry.hash
                }
            } catch {
                throw GovernanceError(.storage, "cannot append \(event.action) to the audit log \(path): \(error)")
            }
        }
    }

    public func entries() throws -> [AuditEntry] {
        try database.withLock { database in
            let rows = try database.query(
                "SELECT seq, previous_hash, timestamp, migration, actor, action, subject, details, hash FROM audit_log ORDER BY seq"
            )
            return try rows.map { row in
                let seq = row[0].integer ?? -1
                return AuditEntry(
                    seq: seq,
                    previousHash: row[1].text ?? "",
                    timestamp: row[2].text ?? "",
                    migration: row[3].text,
                    actor: row[4].text ?? "",
                    action: row[5].text ?? "",
                    subject: row[6].text ?? "",
                    details: try AuditDetails.decode(row[7].text ?? "", seq: seq),
                    hash: row[8].text ?? ""
                )
            }
        }
    }
}
