import Foundation
import RowProofGovernance
import RowProofSources
import Testing

@Suite struct SQLiteAuditLogTests {
    private func makeLog(entries count: Int) throws -> (SQLiteAuditLog, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).sqlite")
            .path
        let log = try SQLiteAuditLog(path: path)
        for index in 1...count {
            try log.record(
                AuditEvent(
                    migration: "m1",
                    actor: "alice",
                    action: "test.step",
                    subject: "step \(index)",
                    details: ["n": "\(index)"]
                )
            )
        }
        return (log, path)
    }

    @Test func entriesChainEachToThePreviousHash() throws {
        let (log, _) = try makeLog(entries: 3)
        let entries = try log.entries()
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(entries[2].previousHash == entries[1].hash)
        #expect(try log.verify() == .intact(count: 3, headHash: entries[2].hash))
    }

    @Test func recordReturnsTheNewEntrysHash() throws {
        let (log, _) = try makeLog(entries: 1)
        let hash = try log.record(AuditEvent(migration: nil, actor: "rowproof", action: "x.y", subject: "s"))
        #expect(try log.entries().last?.hash == hash)
        #expect(try log.entries().last?.migration == nil)
    }

    @Test func triggersRefuseUpdateAndDelete() throws {
        let (_, path) = try makeLog(entries: 2)
        let raw = try SQLiteDatabase(path: path)
        let update = #expect(throws: SourceError.self) {
            try raw.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")
        }
        #expect(update?.message.contains("append-only") == true)
        #expect(throws: SourceError.self) { try raw.execute("DELETE FROM audit_log WHERE seq = 2") }
    }

    @Test func oneChangedByteIsNamedBySequenceNumber() throws {
        let (log, path) = try makeLog(entries: 4)
        let raw = try SQLiteDatabase(path: path)
        try raw.execute("DROP TRIGGER audit_log_no_update")
        try raw.execute("UPDATE audit_log SET actor = 'alicf' WHERE seq = 2")  // one byte: e -> f
        guard case .broken(let seq, let reason) = try log.verify() else {
            Issue.record("a changed entry verified")
            return
        }
        #expect(seq == 2)
        guard case .hashMismatch = reason else {
            Issue.record("expected a hash mismatch, got \(reason)")
            return
        }
    }

    @Test func rewrittenHashIsCaughtAtTheNextEntry() throws {
        let (log, path) = try makeLog(entries: 3)
        var second = try log.entries()[1]
        second.subject = "something else"
        let forged = try second.computedHash()
        let raw = try SQLiteDatabase(path: path)
        try raw.execute("DROP TRIGGER audit_log_no_update")
        try raw.query(
            "UPDATE audit_log SET subject = ?, hash = ? WHERE seq = 2",
            [.text(second.subject), .text(forged)]
        )
        guard case .broken(3, .previousHashMismatch) = try log.verify() else {
            Issue.record("expected seq 3 to be named, got \(try log.verify())")
            return
        }
    }

    @Test func deletedEntryIsASequenceGap() throws {
        let (log, path) = try makeLog(entries: 3)
        let raw = try SQLiteDatabase(path: path)
        try raw.execute("DROP TRIGGER audit_log_no_delete")
        try raw.execute("DELETE FROM audit_log WHERE seq = 2")
        #expect(try log.verify() == .broken(seq: 3, reason: .sequenceGap(expected: 2, found: 3)))
    }

    @Test func exportedJSONLinesReadBackAndVerifyOffline() throws {
        let (log, _) = try makeLog(entries: 5)
        let data = try log.exportJSONLines()
        let lines = data.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 5)
        let entries = try AuditEntry.parseJSONLines(data)
        #expect(entries == (try log.entries()))
        #expect(AuditChainVerifier.verify(entries).isIntact)

        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "step 4", with: "step 9")
        let tampered = try AuditEntry.parseJSONLines(Data(text.utf8))
        #expect(AuditChainVerifier.verify(tampered).brokenSeq == 4)
    }

    @Test func concurrentWritersOnTheSameFileNeverForkTheChain() async throws {
        let (first, path) = try makeLog(entries: 1)
        let second = try SQLiteAuditLog(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, log) in [first, second].enumerated() {
                group.addTask {
                    for step in 0..<25 {
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
        let verification = try first.verify()
        #expect(verification.isIntact)
        #expect(try first.entries().count == 51)
    }

    @Test func locationStringsPickTheBackend() {
        #expect(AuditLogLocation(parsing: "/tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(AuditLogLocation(parsing: "sqlite:///tmp/a.db") == .sqlite(path: "/tmp/a.db"))
        #expect(AuditLogLocation(parsing: "postgresql://u@h/db") == .postgres(url: "postgresql://u@h/db"))
        #expect(AuditLogLocation(parsing: "vault://secret/audit#url") == .postgres(url: "vault://secret/audit#url"))
    }
}

extension AuditChainVerification {
    /// The broken entry's seq, or nil when intact.
    var brokenSeq: Int64? {
        if case .broken(let seq, _) = self { return seq }
        return nil
    }
}
