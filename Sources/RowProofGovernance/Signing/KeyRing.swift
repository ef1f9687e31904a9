public import Foundation
public import RowProofCrypto

/// The public keys trusted to sign plans, by key id.
///
/// On disk a key ring is a folder of `<key_id>.pub.pem` files (PEM SubjectPublicKeyInfo), such as
/// `trusted-keys/` in a governance home.
public struct KeyRing: Sendable {
    private var keys: [String: Ed25519PublicKey]

    /// Creates a key ring from keys by id.
    public init(_ keys: [String: Ed25519PublicKey] = [:]) {
        self.keys = keys
    }

    /// The ids of the trusted keys, sorted.
    public var keyIDs: [String] { keys.keys.sorted() }

    /// The key with `id`, or `nil` when it is not trusted.
    public func key(id: String) -> Ed25519PublicKey? { keys[id] }

    /// Adds (or replaces) a trusted key.
    public mutating func trust(_ key: Ed25519PublicKey, as id: String) {
        keys[id] = key
    }

    /// The default key id of `key`: `ed25519-` and the first 16 hex digits of SHA-256 of the raw key.
    public static func fingerprint(of key: Ed25519PublicKey) -> String {
        "ed25519-" + SHA256.hexDigest(key.rawRepresentation).prefix(16)
    }

    /// Loads every `<key_id>.pub.pem` file in `directory`; a missing folder is an empty ring.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` naming a file that is not an Ed25519 public key.
    public static func load(directory: URL) throws(GovernanceError) -> KeyRing {
        var ring = KeyRing()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return ring }
        for name in names.sorted() where name.hasSuffix(".pub.pem") {
            let file = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw GovernanceError(.badInput, "trusted key \(file.path) cannot be read")
            }
            do {
                ring.trust(try Ed25519PublicKey(pem: text), as: String(name.dropLast(".pub.pem".count)))
            } catch {
                throw GovernanceError(
                    .badInput,
                    "trusted key \(file.path) is not an Ed25519 public key: \(error)",
                    hint: "write the PEM public key (signing-key.pub.pem from `rowproof keygen`)"
                )
            }
        }
        return ring
    }
}
