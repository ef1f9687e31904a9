public import Foundation
public import RowProofContracts
import RowProofCore
public import RowProofCrypto

extension EvidenceManifest {
    /// The bytes the signature covers: the RFC 8785 canonical JSON of the manifest without its
    /// `signature` member.
    ///
    /// - Throws: ``EvidenceError`` when the manifest cannot be encoded.
    public func signingBytes() throws(EvidenceError) -> [UInt8] {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let tree = try ContractDecoder().parse(try encoder.encode(self), format: .json)
            guard case .object(var members) = tree else {
                throw EvidenceError(.signing, "the manifest did not encode as a JSON object")
            }
            members["signature"] = nil
            let stripped = try encoder.encode(JSONValue.object(members))
            return try stripped.withUnsafeBytes { raw in try JSONCanonicalizer.canonicalize(utf8: raw) }
        } catch let error as EvidenceError {
            throw error
        } catch {
            throw EvidenceError(.signing, "cannot encode the manifest for signing: \(error)")
        }
    }

    /// Returns this manifest with its signature set to `key`'s signature over ``signingBytes()``.
    public func signed(
        with key: Ed25519PrivateKey,
        keyID: String,
        at date: Date
    ) throws(EvidenceError) -> EvidenceManifest {
        var copy = self
        do {
            let signature = try key.signature(for: try signingBytes())
            copy.signature = SignatureBlock(
                keyID: keyID,
                signature: Hex.encode(signature),
                signedAt: UTCTimestamp.string(from: date)
            )
        } catch let error as EvidenceError {
            throw error
        } catch {
            throw EvidenceError(.signing, "cannot sign the manifest with key \(keyID): \(error)")
        }
        return copy
    }

    /// Whether ``signature`` is a valid Ed25519 signature of ``signingBytes()`` under `key`.
    public func hasValidSignature(under key: Ed25519PublicKey) -> Bool {
        guard let bytes = try? signingBytes(), let signature = Self.decodeSignature(signature.signature) else {
            return false
        }
        return key.isValidSignature(signature, for: bytes)
    }

    /// Decodes a signature written as 128 hex digits or padded base64.
    private static func decodeSignature(_ text: String) -> [UInt8]? {
        if text.count == 128, let bytes = Hex.decode(text) { return bytes }
        return Data(base64Encoded: text).map { Array($0) }
    }
}
