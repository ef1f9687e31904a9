public import Foundation

/// A hash-chained, append-only audit log that can be read back and verified.
///
/// ``SQLiteAuditLog`` and ``PostgresAuditLog`` conform. Appends are serialized by the database,
/// so two processes appending at once never fork the chain.
public protocol AuditLog: AuditRecorder {
    /// Every entry, in sequence order, exactly as stored.
    func entries() throws -> [AuditEntry]
    /// Where the log lives, safe to print (passwords redacted).
    var locationDescription: String { get }
}

extension AuditLog {
    /// Checks the whole chain; names the first broken entry.
    public func verify() throws -> AuditChainVerification {
        AuditChainVerifier.verify(try entries())
    }

    /// The entries of one migration (the chain itself is verified as a whole with ``verify()``).
    public func entries(migration: String) throws -> [AuditEntry] {
        try entries().filter { $0.migration == migration }
    }

    /// The whole chain as JSON Lines: one canonical JSON object per entry, with its hash, in order.
    public func exportJSONLines() throws -> Data {
        var data = Data()
        for entry in try entries() {
            data.append(contentsOf: try entry.jsonLine())
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }
}
