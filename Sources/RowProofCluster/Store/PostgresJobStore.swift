import Foundation
public import RowProofSources
import Synchronization

/// A ``JobStore`` in a Postgres database (schema `rowproof`), for coordinators that should keep
/// their state on a server rather than in a local file. Same tables and semantics as
/// ``SQLiteJobStore``; plans and results are stored as JSON text.
public final class PostgresJobStore: JobStore {
    private let connection: Mutex<PostgresConnection>

    /// Connects to `url` (a libpq URL or conninfo; secret references resolved) and creates the tables if needed.
    public init(url: String, secrets: SecretResolver = SecretResolver()) throws {
        let location = try SourceLocation(parsing: url).resolvingLocation(with: secrets)
        guard location.engine == .postgres else {
            throw JobStoreError("the job store \(location.redacted) is not a Postgres location")
        }
        let connection = try PostgresConnection(conninfo: url, redactedTarget: location.redacted)
        for statement in [
            "CREATE SCHEMA IF NOT EXISTS rowproof",
            """
            CREATE TABLE IF NOT EXISTS rowproof.jobs (job_id text PRIMARY KEY, spec_sha256 text NOT NULL,
                specification bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
                status text NOT NULL DEFAULT 'running', epoch bigint NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE IF NOT EXISTS rowproof.chunks (job_id text NOT NULL REFERENCES rowproof.jobs(job_id),
                chunk_id integer NOT NULL, plan text NOT NULL, result text, finished_at timestamptz,
                PRIMARY KEY (job_id, chunk_id))
            """,
        ] {
            try connection.query(statement)
        }
        self.connection = Mutex(connection)
    }

    public func plans(jobID: String, specSHA256: String) throws -> [ChunkPlan]? {
        try connection.withLock { connection in
            let jobs = try connection.query("SELECT spec_sha256 FROM rowproof.jobs WHERE job_id = $1", [jobID])
            guard let stored = jobs.first?.first ?? nil else { return nil }
            guard stored == specSHA256 else {
                throw JobStoreError("job \(jobID) is already in the store with a different specification")
            }
            return try connection.query("SELECT plan FROM rowproof.chunks WHERE job_id = $1 ORDER BY chunk_id", [jobID])
                .map {
                    try JSONDecoder().decode(ChunkPlan.self, from: Data(($0[0] ?? "").utf8))
                }
        }
    }

    public func createJob(jobID: String, specSHA256: String, specification: [UInt8], plans: [ChunkPlan]) throws {
        let encoded = try plans.map { String(decoding: try Self.encoder.encode($0), as: UTF8.self) }
        try connection.withLock { connection in
            try connection.query("BEGIN")
            do {
                try connection.query(
                    "INSERT INTO rowproof.jobs (job_id, spec_sha256, specification) VALUES ($1, $2, decode($3, 'hex'))",
                    [jobID, specSHA256, specification.map { String(format: "%02x", $0) }.joined()]
                )
                for (plan, text) in zip(plans, encoded) {
                    try connection.query(
                        "INSERT INTO rowproof.chunks (job_id, chunk_id, plan) VALUES ($1, $2, $3)",
                        [jobID, String(plan.chunkID), text]
                    )
                }
                try connection.query("COMMIT")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }

    public func mergePlans(jobID: String, into plan: ChunkPlan, absorbing absorbed: [Int]) throws {
        let text = String(decoding: try Self.encoder.encode(plan), as: UTF8.self)
        try connection.withLock { connection in
            try connection.query("BEGIN")
            do {
                try connection.query(
                    "UPDATE rowproof.chunks SET plan = $1 WHERE job_id = $2 AND chunk_id = $3 AND result IS NULL",
                    [text, jobID, String(plan.chunkID)]
                )
                for id in absorbed {
                    try connection.query(
                        "DELETE FROM rowproof.chunks WHERE job_id = $1 AND chunk_id = $2 AND result IS NULL",
                        [jobID, String(id)]
                    )
                }
                try connection.query("COMMIT")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }

    public func results(jobID: String) throws -> [Int: ChunkResultEnvelope] {
        try connection.withLock { connection in
            var results: [Int: ChunkResultEnvelope] = [:]
            for row in try connection.query(
                "SELECT chunk_id, result FROM rowproof.chunks WHERE job_id = $1 AND result IS NOT NULL",
                [jobID]
            ) {
                guard let id = row[0].flatMap({ Int($0) }), let text = row[1] else { continue }
                results[id] = try ChunkResultEnvelope.decode(Array(text.utf8))
            }
            return results
        }
    }

    public func storeResult(jobID: String, chunkID: Int, envelope: ChunkResultEnvelope) throws {
        let text = String(decoding: try envelope.encoded(), as: UTF8.self)
        _ = try connection.withLock { connection in
            try connection.query(
                "UPDATE rowproof.chunks SET result = $1, finished_at = now() WHERE job_id = $2 AND chunk_id = $3 AND result IS NULL",
                [text, jobID, String(chunkID)]
            )
        }
    }

    public func nextEpoch(jobID: String) throws -> UInt64 {
        try connection.withLock { connection in
            let rows = try connection.query(
                "UPDATE rowproof.jobs SET epoch = epoch + 1 WHERE job_id = $1 RETURNING epoch",
                [jobID]
            )
            return UInt64(rows.first?.first.flatMap { $0 }.flatMap { UInt64($0) } ?? 1)
        }
    }

    public func restartIfFinished(jobID: String) throws -> Bool {
        try connection.withLock { connection in
            // One statement, so a concurrent reader never sees the job restarted with old results.
            let rows = try connection.query(
                """
                WITH restarted AS (
                    UPDATE rowproof.jobs SET status = 'running'
                    WHERE job_id = $1 AND status <> 'running' AND status NOT LIKE 'error%' RETURNING job_id),
                cleared AS (
                    UPDATE rowproof.chunks SET result = NULL, finished_at = NULL
                    WHERE job_id IN (SELECT job_id FROM restarted) RETURNING chunk_id)
                SELECT (SELECT count(*) FROM restarted), (SELECT count(*) FROM cleared)
                """,
                [jobID]
            )
            return rows.first?.first.flatMap { $0 }.flatMap { Int($0) }.map { $0 > 0 } ?? false
        }
    }

    public func finish(jobID: String, status: String) throws {
        _ = try connection.withLock { connection in
            try connection.query("UPDATE rowproof.jobs SET status = $1 WHERE job_id = $2", [status, jobID])
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
