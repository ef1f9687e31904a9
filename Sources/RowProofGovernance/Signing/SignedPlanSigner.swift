public import Foundation
public import RowProofContracts
import RowProofCore
public import RowProofCrypto

/// Signs plans (`schemas/signed_plan.schema.json`) with Ed25519 under a key id.
///
/// The signature covers the RFC 8785 canonical JSON of the `plan` object, and `payload_sha256` is
/// the SHA-256 of the canonical JSON of the payload, so any change to any field invalidates it.
public struct SignedPlanSigner: Sendable {
    /// The private key.
    public let key: Ed25519PrivateKey
    /// The id the signature names; verifiers look the public key up by it.
    public let keyID: String

    /// Creates a signer; `keyID` defaults to the key's fingerprint (``KeyRing/fingerprint(of:)``).
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` when the public key cannot be derived.
    public init(key: Ed25519PrivateKey, keyID: String? = nil) throws(GovernanceError) {
        self.key = key
        if let keyID {
            self.keyID = keyID
        } else {
            do {
                self.keyID = KeyRing.fingerprint(of: try key.publicKey)
            } catch {
                throw GovernanceError(.badInput, "cannot derive the public key of the signing key: \(error)")
            }
        }
    }

    /// Builds the plan body around `payload` (computing `payload_sha256`) and signs it.
    ///
    /// - Throws: ``GovernanceError/Code-swift.struct/badInput`` when the body breaks the contract
    ///   (an identifier with spaces, for example).
    public func sign(
        kind: SignedPlan.Kind,
        planID: String,
        migrationID: String?,
        createdBy: String?,
        payload: [String: JSONValue],
        at date: Date = Date()
    ) throws(GovernanceError) -> SignedPlan {
        let body = PlanBody(
            kind: kind,
            planID: planID,
            migrationID: migrationID,
            createdAt: AuditEntry.format(date),
            createdBy: createdBy,
            payload: payload,
            payloadSHA256: try Self.payloadSHA256(payload)
        )
        return try sign(body, at: date)
    }

    /// Signs an existing body as it is.
    public func sign(_ body: PlanBody, at date: Date = Date()) throws(GovernanceError) -> SignedPlan {
        do {
            try body.validate()
            let signature = try key.signature(for: try Self.canonicalBytes(.encode(body)))
            let plan = SignedPlan(
                plan: body,
                signature: SignatureBlock(
                    keyID: keyID,
                    signature: Hex.encode(signature),
                    signedAt: AuditEntry.format(date)
                )
            )
            try plan.validate()
            return plan
        } catch let error as GovernanceError {
            throw error
        } catch {
            throw GovernanceError(.badInput, "cannot sign plan \(body.planID): \(error)")
        }
    }

    /// SHA-256 (hex) of the RFC 8785 canonical JSON of `payload`.
    public static func payloadSHA256(_ payload: [String: JSONValue]) throws(GovernanceError) -> String {
        SHA256.hexDigest(try canonicalBytes(.object(payload)))
    }

    /// The RFC 8785 canonical JSON of `value`.
    static func canonicalBytes(_ value: JSONValue) throws(GovernanceError) -> [UInt8] {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(value)
            return try json.withUnsafeBytes { raw in try JSONCanonicalizer.canonicalize(utf8: raw) }
        } catch {
            throw GovernanceError(.badInput, "cannot write canonical JSON: \(error)")
        }
    }
}

extension JSONValue {
    /// Any Encodable value as a JSON tree.
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let data = try JSONEncoder().encode(value)
        return try ContractDecoder().parse(data, format: .json)
    }
}
