import Foundation
import RowProofSources
import Synchronization

/// The default ``JobStore``: one SQLite file holding jobs, their chunk plans and accepted results.
///
/// Results are committed one by one as they are accepted, so a coordinator killed at any moment
/// loses at most the chunks in flight.
public final class SQLiteJobStore: JobStore {
    private let database: Mutex<SQLiteDatabase>

    /// Opens (creating if needed) the store at `path`.
    ///
    /// - Throws: ``JobStoreError`` naming the file and what to do when it cannot be opened or is
    ///   not a job store (a damaged or foreign file).
    public init(path: String) throws {
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: path)
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS jobs (
                    job_id TEXT PRIMARY KEY, spec_sha256 TEXT NOT NULL, specification BLOB NOT NULL,
                    created_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'running', epoch INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE IF NOT EXISTS chunks (
                    job_id TEXT NOT NULL REFERENCES jobs(job_id), chunk_id INTEGER NOT NULL, plan BLOB NOT NULL,
                    result BLOB, finished_at TEXT, PRIMARY KEY (job_id, chunk_id));
                """
            )
            _ = try database.query("SELECT job_id, spec_sha256, specification, status, epoch FROM jobs LIMIT 0")
            _ = try database.query("SELECT job_id, chunk_id, plan, result, finished_at FROM chunks LIMIT 0")
        } catch {
            throw JobStoreError(
                "the job store \(path) cannot be used: \(error)\nhint: the store only keeps finished chunks for "
                    + "resuming; move it aside (the job then starts over), or give another --store or --output"
            )
        }
        self.database = Mutex(database)
    }

    public func plans(jobID: String, specSHA256: String) throws -> [ChunkPlan]? {
        try database.withLock { database in
            let jobs = try database.query("SELECT spec_sha256 FROM jobs WHERE job_id = ?", [.text(jobID)])
            guard let stored = jobs.first?.first?.text else { return nil }
            guard stored == specSHA256 else {
                throw JobStoreError(
                    "job \(jobID) is already in the store with a different specification (sha256 \(stored.prefix(12)) vs \(specSHA256.prefix(12)))"
                )
            }
            let decoder = JSONDecoder()
            return try database.query("SELECT plan FROM chunks WHERE job_id = ? ORDER BY chunk_id", [.text(jobID)]).map
            { row in
                try decoder.decode(ChunkPlan.self, from: Data(row[0].blob ?? []))
            }
        }
    }

    public func createJob(jobID: String, specSHA256: String, specification: [UInt8], plans: [ChunkPlan]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try plans.map { Array(try encoder.encode($0)) }
        try database.withLock { database in
            try database.transaction {
                try database.query(
                    "INSERT INTO jobs (job_id, spec_sha256, specification, created_at) VALUES (?, ?, ?, ?)",
                    [
                        .text(jobID), .text(specSHA256), .blob(specification),
                        .text(ISO8601DateFormatter().string(from: Date())),
                    ]
                )
                for (plan, bytes) in zip(plans, encoded) {
                    try database.query(
                        "INSERT INTO chunks (job_id, chunk_id, plan) VALUES (?, ?, ?)",
                        [.text(jobID), .integer(Int64(plan.chunkID)), .blob(bytes)]
                    )
                }
            }
        }
    }

    public func mergePlans(jobID: String, into plan: ChunkPlan, absorbing absorbed: [Int]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = Array(try encoder.encode(plan))
        try database.withLock { database in
            try database.transaction {
                try database.query(
                    "UPDATE chunks SET plan = ? WHERE job_id = ? AND chunk_id = ? AND result IS NULL",
                    [.blob(bytes), .text(jobID), .integer(Int64(plan.chunkID))]
                )
                for id in absorbed {
                    try database.query(
                        "DELETE FROM chunks WHERE job_id = ? AND chunk_id = ? AND result IS NULL",
                        [.text(jobID), .integer(Int64(id))]
                    )
                }
            }
        }
    }

    public func results(jobID: String) throws -> [Int: ChunkResultEnvelope] {
        try database.withLock { database in
            var results: [Int: ChunkResultEnvelope] = [:]
            for row in try database.query(
                "SELECT chunk_id, result FROM chunks WHERE job_id = ? AND result IS NOT NULL",
                [.text(jobID)]
            ) {
                guard let id = row[0].integer, let bytes = row[1].blob else { continue }
                results[Int(id)] = try ChunkResultEnvelope.decode(bytes)
            }
            return results
        }
    }

    public func storeResult(jobID: String, chunkID: Int, envelope: ChunkResultEnvelope) throws {
        let bytes = try envelope.encoded()
        _ = try database.withLock { database in
            try database.query(
                "UPDATE chunks SET result = ?, finished_at = ? WHERE job_id = ? AND chunk_id = ? AND result IS NULL",
                [
                    .blob(bytes), .text(ISO8601DateFormatter().string(from: Date())), .text(jobID),
                    .integer(Int64(chunkID)),
                ]
            )
        }
    }

    public func nextEpoch(jobID: String) throws -> UInt64 {
        try database.withLock { database in
            try database.transaction {
                try database.query("UPDATE jobs SET epoch = epoch + 1 WHERE job_id = ?", [.text(jobID)])
                let rows = try database.query("SELECT epoch FROM jobs WHERE job_id = ?", [.text(jobID)])
                return UInt64(rows.first?.first?.integer ?? 1)
            }
        }
    }

    public func restartIfFinished(jobID: String) throws -> Bool {
        try database.withLock { database in
            try database.transaction {
                let rows = try database.query("SELECT status FROM jobs WHERE job_id = ?", [.text(jobID)])
                guard let status = rows.first?.first?.text, Self.isVerdict(status) else { return false }
                try database.query(
                    "UPDATE chunks SET result = NULL, finished_at = NULL WHERE job_id = ?",
                    [.text(jobID)]
                )
                try database.query("UPDATE jobs SET status = 'running' WHERE job_id = ?", [.text(jobID)])
                return true
            }
        }
    }

    public func finish(jobID: String, status: String) throws {
        _ = try database.withLock { database in
            try database.query("UPDATE jobs SET status = ? WHERE job_id = ?", [.text(status), .text(jobID)])
        }
    }
}

/// A job store that cannot do what was asked, and why.
public struct JobStoreError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
