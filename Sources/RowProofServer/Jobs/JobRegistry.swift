public import Foundation
import RowProofSources
import Synchronization

/// The server's list of submitted jobs: each job's specification and state, in a SQLite file,
/// so a restarted server lists the same jobs and resumes the unfinished ones.
public final class JobRegistry: Sendable {
    /// A job as stored: its record, and the submitted document.
    public struct Entry: Sendable {
        /// The record.
        public var record: JobRecord
        /// The submitted document's bytes.
        public var specification: Data
        /// Whether the document is YAML (else JSON).
        public var isYAML: Bool
    }

    private let database: Mutex<SQLiteDatabase>

    /// Opens (creating if needed) the registry at `path`.
    ///
    /// - Throws: ``ServerError`` with code `storage` when the file cannot be opened.
    public init(path: String) throws {
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS server_jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, record BLOB NOT NULL,
                    specification BLOB NOT NULL, is_yaml INTEGER NOT NULL);
                """
            )
            self.database = Mutex(database)
        } catch {
            throw ServerError(.storage, "cannot open the job registry \(path): \(error)")
        }
    }

    /// Adds a new job.
    public func insert(_ record: JobRecord, specification: Data, isYAML: Bool) throws {
        let encoded = try Self.encode(record)
        try database.withLock { database in
            _ = try database.query(
                "INSERT INTO server_jobs (id, record, specification, is_yaml) VALUES (?, ?, ?, ?)",
                [.text(record.id), .blob(encoded), .blob(Array(specification)), .integer(isYAML ? 1 : 0)]
            )
        }
    }

    /// Replaces a job's record.
    public func update(_ record: JobRecord) throws {
        let encoded = try Self.encode(record)
        try database.withLock { database in
            _ = try database.query(
                "UPDATE server_jobs SET record = ? WHERE id = ?",
                [.blob(encoded), .text(record.id)]
            )
        }
    }

    /// Every job, oldest first.
    public func all() throws -> [Entry] {
        let rows = try database.withLock { database in
            try database.query("SELECT record, specification, is_yaml FROM server_jobs ORDER BY seq")
        }
        let decoder = JSONDecoder()
        return try rows.map { row in
            Entry(
                record: try decoder.decode(JobRecord.self, from: Data(row[0].blob ?? [])),
                specification: Data(row[1].blob ?? []),
                isYAML: row[2].integer == 1
            )
        }
    }

    private static func encode(_ record: JobRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(record))
    }
}
