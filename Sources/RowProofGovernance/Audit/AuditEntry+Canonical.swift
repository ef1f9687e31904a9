public import Foundation
import RowProofCore
import RowProofCrypto

extension AuditEntry {
    /// The RFC 8785 canonical JSON of every field except ``hash``: exactly the bytes hashed.
    public func canonicalBytes() throws -> [UInt8] {
        var unhashed = self
        unhashed.hash = ""
        return try Self.canonicalJSON(unhashed)
    }

    /// SHA-256 (hex) of ``canonicalBytes()``: what ``hash`` must be.
    public func computedHash() throws -> String {
        SHA256.hexDigest(try canonicalBytes())
    }

    /// One line of the JSON Lines export: the canonical JSON of the entry including its hash.
    public func jsonLine() throws -> [UInt8] {
        try Self.canonicalJSON(self)
    }

    /// Reads a JSON Lines export (one entry per line, as ``jsonLine()`` writes it).
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` naming the line that is not an entry.
    public static func parseJSONLines(_ data: Data) throws(GovernanceError) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).enumerated() {
            do {
                entries.append(try decoder.decode(AuditEntry.self, from: Data(line)))
            } catch {
                throw GovernanceError(.badInput, "audit export line \(index + 1) is not an audit entry: \(error)")
            }
        }
        return entries
    }

    static func canonicalJSON(_ entry: AuditEntry) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(entry)
        return try json.withUnsafeBytes { raw in try JSONCanonicalizer.canonicalize(utf8: raw) }
    }
}
