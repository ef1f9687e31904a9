public import Foundation
public import RowProofContracts
import RowProofCrypto

/// Verifies signed plans against a ``KeyRing`` and refuses unsigned, altered or unknown-key plans.
///
/// Checks, in order: the document has a signature; it decodes as a signed plan; the key id is
/// trusted; the payload hashes to `payload_sha256`; the Ed25519 signature verifies over the
/// canonical JSON of the `plan` object; the kind is the expected one. Each failure is its own
/// ``SignedPlanError/Reason``.
public struct SignedPlanVerifier: Sendable {
    /// The trusted keys.
    public let keyRing: KeyRing

    /// Creates a verifier trusting `keyRing`.
    public init(keyRing: KeyRing) {
        self.keyRing = keyRing
    }

    /// Reads and verifies the signed plan at `url`.
    public func verify(
        contentsOf url: URL,
        expecting kind: SignedPlan.Kind? = nil
    ) throws(SignedPlanError) -> SignedPlan {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SignedPlanError(.malformed("the file does not exist or is not readable"), source: url.path)
        }
        return try verify(data, source: url.path, expecting: kind)
    }

    /// Verifies a signed plan document (JSON).
    ///
    /// - Parameters:
    ///   - data: The document.
    ///   - source: The file or name, for messages.
    ///   - kind: The kind the caller needs, or `nil` for any.
    /// - Returns: The verified plan.
    public func verify(
        _ data: Data,
        source: String,
        expecting kind: SignedPlan.Kind? = nil
    ) throws(SignedPlanError) -> SignedPlan {
        let decoder = ContractDecoder()
        let tree: JSONValue
        do {
            tree = try decoder.parse(data, format: .json)
        } catch {
            throw SignedPlanError(.malformed("\(error)"), source: source)
        }
        guard case .object(let members) = tree else {
            throw SignedPlanError(.malformed("the document is not a JSON object"), source: source)
        }
        guard let signatureMember = members["signature"], !signatureMember.isNull else {
            throw SignedPlanError(.unsigned, source: source)
        }
        _ = signatureMember
        let plan: SignedPlan
        do {
            plan = try decoder.decode(SignedPlan.self, from: tree)
        } catch {
            throw SignedPlanError(.malformed("\(error)"), source: source)
        }
        guard let key = keyRing.key(id: plan.signature.keyID) else {
            throw SignedPlanError(.unknownKey(keyID: plan.signature.keyID, trusted: keyRing.keyIDs), source: source)
        }
        let payloadHash: String
        let signedBytes: [UInt8]
        do {
            payloadHash = try SignedPlanSigner.payloadSHA256(plan.plan.payload)
            signedBytes = try SignedPlanSigner.canonicalBytes(members["plan"] ?? .null)
        } catch {
            throw SignedPlanError(.malformed("\(error)"), source: source)
        }
        guard payloadHash == plan.plan.payloadSHA256 else {
            throw SignedPlanError(
                .contentAltered(expected: plan.plan.payloadSHA256, actual: payloadHash),
                source: source
            )
        }
        guard let signature = Self.signatureBytes(plan.signature.signature),
            key.isValidSignature(signature, for: signedBytes)
        else {
            throw SignedPlanError(.badSignature(keyID: plan.signature.keyID), source: source)
        }
        if let kind, plan.plan.kind != kind {
            throw SignedPlanError(.wrongKind(expected: kind.rawValue, found: plan.plan.kind.rawValue), source: source)
        }
        return plan
    }

    /// The 64 signature bytes from 128 hex digits or padded base64.
    static func signatureBytes(_ text: String) -> [UInt8]? {
        if text.count == 128, let bytes = Hex.decode(text) { return bytes }
        return Data(base64Encoded: text).map(Array.init)
    }
}
