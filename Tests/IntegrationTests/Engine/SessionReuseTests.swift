import Foundation
import RowProofCluster
import RowProofCore
import RowProofSources
import RowProofTestSupport
import Testing

/// A worker keeps one Postgres session per database from one chunk of a job to the next, never
/// across jobs, closes the session of a read that was stopped, and closes idle sessions soon
/// after the job so none holds its snapshot open.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct SessionReuseTests {
    static let table = TableName(schema: "public", "items")
    static let columns: [ScanRequest.Column] = [
        .init(name: "id", logicalType: .decimal), .init(name: "note", logicalType: .text),
    ]

    static func database() throws -> TestDatabase {
        try TestDatabase(
            "reuse",
            setup: [
                "CREATE TABLE items (id bigint PRIMARY KEY, note text)",
                "INSERT INTO items SELECT g, 'note ' || g FROM generate_series(1, 3000) AS g",
            ]
        )
    }

    /// The server processes of RowProof sessions open on the database now.
    static func backends(_ admin: PostgresConnection) throws -> Set<Int> {
        let rows = try admin.query(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rowproof'"
        )
        return Set(rows.compactMap { $0[0].flatMap { Int($0) } })
    }

    /// Reads one range of job `jobID` the way a worker does; returns the ids read.
    static func read(
        _ database: TestDatabase,
        job jobID: String,
        from lower: Int64,
        to upper: Int64,
        stopAfter: Int? = nil
    ) throws -> [CanonicalRow] {
        let side = ChunkPlan.Side(location: database.url, table: table, columns: ["id", "note"], keyColumns: ["id"])
        let range = KeyRange(
            lower: [.decimal(CanonicalDecimal(integer: lower))],
            upper: [.decimal(CanonicalDecimal(integer: upper))]
        )
        let request = ScanRequest(table: table, columns: columns, keyColumns: ["id"], range: range)
        var stream = SourceAccess.scanStarter()(side, request, jobID, "test \(jobID)")
        var rows: [CanonicalRow] = []
        while let row = try stream.next() {
            rows.append(row)
            if let stopAfter, rows.count >= stopAfter {
                stream.cancel()
                break
            }
        }
        return rows
    }

    /// Waits until `condition` holds, checking it every 100 ms for up to `seconds` of waiting.
    static func eventually(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<Int(seconds * 10) {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    @Test(.timeLimit(.minutes(1)))
    func chunksOfOneJobShareASessionAndAnotherJobGetsItsOwn() throws {
        let database = try Self.database()
        let admin = try database.writer()
        var seen: Set<Int> = []
        for (index, lower) in stride(from: Int64(1), to: 3_000, by: 500).enumerated() {
            let rows = try Self.read(database, job: "job-a", from: lower, to: lower + 500)
            #expect(rows.count == 500, "chunk \(index)")
            seen.formUnion(try Self.backends(admin))
        }
        // Six chunks, one server process: the session stayed open between them.
        #expect(seen.count == 1)

        #expect(try Self.read(database, job: "job-b", from: 1, to: 100).count == 99)
        // job-a's session was closed when job-b asked for one; job-b has its own.
        let jobB = try Self.backends(admin)
        #expect(jobB.count == 1 && jobB.isDisjoint(with: seen))

        // Idle sessions are closed a few seconds after the last chunk.
        #expect(try Self.eventually(seconds: 20) { try Self.backends(admin).isEmpty })
    }

    @Test(.timeLimit(.minutes(1)))
    func aStoppedReadClosesItsSessionInsteadOfKeepingIt() throws {
        let database = try Self.database()
        let admin = try database.writer()
        #expect(try Self.read(database, job: "job-stop", from: 1, to: 3_001, stopAfter: 10).count == 10)
        #expect(try Self.eventually(seconds: 10) { try Self.backends(admin).isEmpty })
        // The next chunk of the same job opens a fresh session and reads its range whole.
        #expect(try Self.read(database, job: "job-stop", from: 1, to: 3_001).count == 3_000)
        #expect(try Self.backends(admin).count == 1)
    }

    /// The server may end a kept session while it waits (idle_in_transaction_session_timeout, a
    /// restart): the next chunk notices before reading and opens a new one.
    @Test(.timeLimit(.minutes(1)))
    func aKeptSessionTheServerEndedIsReplaced() throws {
        let database = try Self.database()
        let admin = try database.writer()
        #expect(try Self.read(database, job: "job-kill", from: 1, to: 501).count == 500)
        let first = try Self.backends(admin)
        #expect(first.count == 1)
        _ = try admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND application_name = 'rowproof'"
        )
        #expect(try Self.eventually(seconds: 10) { try Self.backends(admin).isEmpty })
        #expect(try Self.read(database, job: "job-kill", from: 501, to: 1_001).count == 500)
        let second = try Self.backends(admin)
        #expect(second.count == 1 && second.isDisjoint(with: first))
    }
}
