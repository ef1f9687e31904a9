import Foundation
import RowProofGovernance
import RowProofSources
import RowProofTestSupport
import Testing

/// The audit log on the real Postgres the test command starts; each test uses its own schema.
@Suite(.serialized) struct PostgresAuditLogTests {
    private let url: String
    private let schema = "gov_audit_\(UUID().uuidString.prefix(8).lowercased())"

    init() throws {
        url = try #require(
            TestEnvironment.postgresURL,
            "ROWPROOF_TEST_POSTGRES_URL is not set: start Postgres with scripts/postgres.sh"
        )
    }

    private func makeLog(entries count: Int) throws -> PostgresAuditLog {
        let log = try PostgresAuditLog(url: url, schema: schema)
        for index in 0..<count {
            try log.record(
                AuditEvent(migration: "m1", actor: "alice", action: "test.step", subject: "step \(index + 1)")
            )
        }
        return log
    }

    private func superuser() throws -> PostgresConnection {
        try PostgresConnection(conninfo: url, redactedTarget: "test server")
    }

    @Test(.timeLimit(.minutes(1)))
    func appendsAChainThatVerifiesAndReopens() throws {
        let log = try makeLog(entries: 3)
        let entries = try log.entries()
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries[2].previousHash == entries[1].hash)
        let reopened = try PostgresAuditLog(url: url, schema: schema)
        try reopened.record(AuditEvent(migration: nil, actor: "rowproof", action: "test.reopen", subject: "x"))
        #expect(try reopened.verify() == .intact(count: 4, headHash: try reopened.entries()[3].hash))
        #expect(try AuditLogLocation(parsing: url).open().locationDescription.contains("rowproof.audit_log"))
    }

    @Test(.timeLimit(.minutes(1)))
    func databaseRefusesUpdateDeleteAndTruncateEvenForTheOwner() throws {
        _ = try makeLog(entries: 2)
        let connection = try superuser()
        for statement in [
            "UPDATE \(schema).audit_log SET actor = 'mallory' WHERE seq = 1",
            "DELETE FROM \(schema).audit_log WHERE seq = 2",
            "TRUNCATE \(schema).audit_log",
        ] {
            let error = #expect(throws: SourceError.self, "\(statement) was not refused") {
                try connection.query(statement)
            }
            #expect(error?.message.contains("append-only") == true, "\(statement): \(String(describing: error))")
        }
        #expect(try connection.query("SELECT count(*) FROM \(schema).audit_log") == [["2"]])
    }

    @Test(.timeLimit(.minutes(1)))
    func roleWithOnlyInsertAndSelectCannotChangeTheLog() throws {
        _ = try makeLog(entries: 1)
        let connection = try superuser()
        let role = "\(schema)_writer"
        try connection.query("CREATE ROLE \(role) NOLOGIN")
        defer {
            _ = try? connection.query("RESET ROLE")
            _ = try? connection.query("DROP OWNED BY \(role)")
            _ = try? connection.query("DROP ROLE \(role)")
        }
        try connection.query("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
        try connection.query("GRANT INSERT, SELECT ON \(schema).audit_log TO \(role)")
        let privileges = try connection.query(
            "SELECT has_table_privilege($1, '\(schema).audit_log', 'UPDATE'), has_table_privilege($1, '\(schema).audit_log', 'DELETE'), "
                + "has_table_privilege($1, '\(schema).audit_log', 'TRUNCATE'), has_table_privilege($1, '\(schema).audit_log', 'INSERT')",
            [role]
        )
        #expect(privileges == [["f", "f", "f", "t"]])
        try connection.query("SET ROLE \(role)")
        #expect(try connection.query("SELECT count(*) FROM \(schema).audit_log") == [["1"]])
        for statement in [
            "UPDATE \(schema).audit_log SET actor = 'mallory' WHERE seq = 1",
            "DELETE FROM \(schema).audit_log",
            "TRUNCATE \(schema).audit_log",
        ] {
            let error = #expect(throws: SourceError.self, "\(statement) was not refused") {
                try connection.query(statement)
            }
            #expect(error?.serverCode == "42501", "\(statement): \(String(describing: error))")
            #expect(error?.message.contains("permission denied") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func changedByteIsNamedBySequenceNumber() throws {
        let log = try makeLog(entries: 4)
        let connection = try superuser()
        try connection.query("ALTER TABLE \(schema).audit_log DISABLE TRIGGER audit_log_no_update_delete")
        try connection.query("UPDATE \(schema).audit_log SET subject = 'step 8' WHERE seq = 3")  // one byte: 3 -> 8
        try connection.query("ALTER TABLE \(schema).audit_log ENABLE TRIGGER audit_log_no_update_delete")
        let verification = try log.verify()
        guard case .broken(3, .hashMismatch) = verification else {
            Issue.record("expected seq 3 to be named with a hash mismatch, got \(verification)")
            return
        }
        #expect("\(verification)".contains("seq 3"))
    }

    @Test(.timeLimit(.minutes(2)))
    func concurrentWritersNeverForkTheChain() async throws {
        let first = try makeLog(entries: 1)
        let second = try PostgresAuditLog(url: url, schema: schema)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, log) in [first, second].enumerated() {
                group.addTask {
                    for step in 0..<20 {
                        try log.record(
                            AuditEvent(
                                migration: "m1",
                                actor: "writer\(index)",
                                action: "test.concurrent",
                                subject: "\(step)"
                            )
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.verify().isIntact)
        #expect(try first.entries().count == 41)
    }
}
