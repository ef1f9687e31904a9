import Foundation
import RowProofGovernance
import Testing

@Suite struct AuditEntryTests {
    @Test func hashIsSHA256OfCanonicalJSONWithoutTheHash() throws {
        let event = AuditEvent(
            migration: nil,
            actor: "alice",
            action: "migration.created",
            subject: "m1",
            details: ["b": "2", "a": "1"]
        )
        let entry = try AuditEntry(event: event, after: nil, at: Date(timeIntervalSince1970: 0))
        let canonical = String(decoding: try entry.canonicalBytes(), as: UTF8.self)
        #expect(
            canonical == #"{"action":"migration.created","actor":"alice","details":{"a":"1","b":"2"},"migration":null,"#
                + #""previous_hash":"\#(AuditEntry.genesisHash)","seq":1,"subject":"m1","timestamp":"1970-01-01T00:00:00.000Z"}"#
        )
        #expect(entry.hash.count == 64)
        #expect(entry.hash == (try entry.computedHash()))
    }
}
