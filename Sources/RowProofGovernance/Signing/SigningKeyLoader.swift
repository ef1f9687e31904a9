import Foundation
public import RowProofCrypto
public import RowProofSources

/// Loads a private signing key from a PEM file path or a secret reference.
public enum SigningKeyLoader {
    /// Loads the Ed25519 private key at `reference`: a file path, or `file://`, `env://` or
    /// `vault://mount/path#key` holding the PEM text.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` naming the reference (never the key).
    public static func load(
        _ reference: String,
        secrets: SecretResolver = SecretResolver()
    ) throws(GovernanceError) -> Ed25519PrivateKey {
        let pem: String
        do {
            if let secret = SecretReference(parsing: reference) {
                pem = try secrets.resolve(secret)
            } else {
                guard let data = FileManager.default.contents(atPath: reference) else {
                    throw GovernanceError(
                        .badInput,
                        "signing key \(reference) does not exist or is not readable",
                        hint: "create one with `rowproof keygen`, or pass vault://mount/path#key"
                    )
                }
                pem = String(decoding: data, as: UTF8.self)
            }
        } catch let error as GovernanceError {
            throw error
        } catch {
            throw GovernanceError(.badInput, "signing key \(reference) cannot be read: \(error)")
        }
        do {
            return try Ed25519PrivateKey(pem: pem)
        } catch {
            throw GovernanceError(.badInput, "signing key \(reference) is not an Ed25519 private key in PEM: \(error)")
        }
    }
}
