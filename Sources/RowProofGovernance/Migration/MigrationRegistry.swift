public import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofSources
import Synchronization

/// The store of migrations, their artifacts, approvals, gate verdicts and state history, and the
/// only place their state changes.
///
/// Every change is appended to the audit log first, inside the registry's write transaction, so a
/// change that could not be audited is not made. The registry is a SQLite file
/// (``GovernanceHome/registryPath``); keep the audit log in another file or on Postgres.
public final class MigrationRegistry: Sendable {
    let database: Mutex<SQLiteDatabase>
    /// Where every change is recorded.
    public let audit: any AuditRecorder
    /// The keys trusted to sign plans (`plan_signed:` guards).
    public let keyRing: KeyRing
    /// The state machine enforced.
    public let machine: MigrationStateMachine
    let clock: @Sendable () -> Date

    /// Opens (creating if needed) the registry in the SQLite file at `path`.
    ///
    /// - Parameters:
    ///   - path: The registry database.
    ///   - audit: The audit log every change is recorded in.
    ///   - keyRing: The keys trusted to sign plans.
    ///   - machine: The state machine (default: the standard one).
    ///   - clock: The current time (injectable for tests: approval expiry, timestamps).
    /// - Throws: ``GovernanceError/Code-swift.struct/storage`` when the file cannot be opened.
    public init(
        path: String,
        audit: any AuditRecorder,
        keyRing: KeyRing = KeyRing(),
        machine: MigrationStateMachine = .standard,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GovernanceError) {
        if let log = audit as? SQLiteAuditLog,
            URL(fileURLWithPath: log.path).standardizedFileURL == URL(fileURLWithPath: path).standardizedFileURL
        {
            // The registry appends to the log inside its own write transaction; one file cannot hold both locks.
            throw GovernanceError(
                .badInput,
                "the audit log and the migration registry are the same file \(path)",
                hint:
                    "keep the audit log in its own SQLite file (the default HOME/rowproof-audit.sqlite) or on Postgres"
            )
        }
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(Self.schema)
            self.database = Mutex(database)
        } catch {
            throw GovernanceError(
                .storage,
                "cannot open the migration registry \(path): \(error)",
                hint: "check that the governance home exists and is writable (--home)"
            )
        }
        self.audit = audit
        self.keyRing = keyRing
        self.machine = machine
        self.clock = clock
    }

    /// Opens the registry of `home` (creating the folder), with its trusted keys.
    public convenience init(
        home: GovernanceHome,
        audit: any AuditRecorder,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GovernanceError) {
        try home.prepare()
        try self.init(path: home.registryPath, audit: audit, keyRing: try home.keyRing(), clock: clock)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS migrations (
            id TEXT PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, tables TEXT NOT NULL,
            archetype TEXT NOT NULL, policy_path TEXT, policy_sha256 TEXT, state TEXT NOT NULL,
            created_by TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS artifacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL REFERENCES migrations(id), name TEXT NOT NULL,
            path TEXT NOT NULL, sha256 TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS approvals (
            id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL REFERENCES migrations(id), role TEXT NOT NULL,
            identity TEXT NOT NULL, to_state TEXT NOT NULL, artifact TEXT NOT NULL, artifact_sha256 TEXT NOT NULL,
            granted_at TEXT NOT NULL, expires_at TEXT);
        CREATE TABLE IF NOT EXISTS gates (
            id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL REFERENCES migrations(id), name TEXT NOT NULL,
            passed INTEGER NOT NULL, evidence_sha256 TEXT, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,
            details TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL REFERENCES migrations(id), to_state TEXT NOT NULL,
            requester TEXT NOT NULL, at TEXT NOT NULL, reason TEXT);
        CREATE TABLE IF NOT EXISTS transitions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL REFERENCES migrations(id), from_state TEXT,
            to_state TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, reason TEXT, audit_hash TEXT NOT NULL);
        """

    /// The current time as stored (RFC 3339, UTC).
    var nowText: String { AuditEntry.format(clock()) }

    /// Runs `body` in a write transaction; anything thrown that is not a ``GovernanceError`` becomes a storage error.
    func write<T: Sendable>(_ what: String, _ body: @Sendable (SQLiteDatabase) throws -> T) throws(GovernanceError) -> T
    {
        do {
            return try database.withLock { database in try database.transaction { try body(database) } }
        } catch let error as GovernanceError {
            throw error
        } catch {
            throw GovernanceError(.storage, "cannot \(what): \(error)")
        }
    }

    /// Runs `body` with the database for reading.
    func read<T: Sendable>(_ what: String, _ body: @Sendable (SQLiteDatabase) throws -> T) throws(GovernanceError) -> T
    {
        do {
            return try database.withLock { database in try body(database) }
        } catch let error as GovernanceError {
            throw error
        } catch {
            throw GovernanceError(.storage, "cannot \(what): \(error)")
        }
    }
}
