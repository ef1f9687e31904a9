import Foundation
import RowProofCrypto
import RowProofGovernance
import Synchronization

/// An audit recorder that keeps events in memory, chaining a SHA-256 over them like the real logs.
final class EventCapturingRecorder: AuditRecorder {
    private let state = Mutex<(events: [AuditEvent], head: String)>(([], String(repeating: "0", count: 64)))

    var events: [AuditEvent] { state.withLock { $0.events } }

    func actions(_ prefix: String = "") -> [String] { events.map(\.action).filter { $0.hasPrefix(prefix) } }

    @discardableResult
    func record(_ event: AuditEvent) throws -> String {
        try state.withLock { state in
            let bytes = try JSONEncoder().encode(event)
            state.head = SHA256.hexDigest(Array(state.head.utf8) + Array(bytes))
            state.events.append(event)
            return state.head
        }
    }
}
