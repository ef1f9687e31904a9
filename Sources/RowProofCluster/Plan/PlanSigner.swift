import Foundation
import RowProofCore
public import RowProofCrypto

/// Signs chunk plans (coordinator side) and verifies them (worker side) with Ed25519.
///
/// The signed bytes are the RFC 8785 canonical JSON of the plan, so any change to any field —
/// a table, a range bound, a location — invalidates the signature.
public enum PlanSigner {
    /// The canonical bytes of `plan`: exactly what is signed and sent.
    public static func canonicalBytes(of plan: ChunkPlan) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(plan)
        return try json.withUnsafeBytes { raw in try JSONCanonicalizer.canonicalize(utf8: raw) }
    }

    /// Signs `plan` with `key`; returns the canonical bytes and the signature.
    public static func sign(
        _ plan: ChunkPlan,
        with key: Ed25519PrivateKey
    ) throws -> (plan: [UInt8], signature: [UInt8]) {
        let bytes = try canonicalBytes(of: plan)
        return (bytes, try key.signature(for: bytes))
    }
}

/// The keys a worker trusts, by key id.
public struct TrustedKeys: Sendable {
    private var keys: [String: Ed25519PublicKey]

    /// Creates a key set.
    public init(_ keys: [String: Ed25519PublicKey]) {
        self.keys = keys
    }

    /// The ids of the trusted keys.
    public var keyIDs: [String] { keys.keys.sorted() }

    /// Verifies a signed plan and decodes it.
    ///
    /// - Throws: ``PlanVerificationError`` for an unknown key id, a missing or bad signature, or
    ///   bytes that are not a plan in canonical form.
    public func verify(
        plan bytes: [UInt8],
        keyID: String,
        signature: [UInt8]
    ) throws(PlanVerificationError) -> ChunkPlan {
        guard !signature.isEmpty else { throw PlanVerificationError("the plan is unsigned; refusing to run it") }
        guard let key = keys[keyID] else {
            throw PlanVerificationError(
                "the plan is signed by unknown key \"\(keyID)\"; trusted keys: \(keyIDs.joined(separator: ", "))"
            )
        }
        guard key.isValidSignature(signature, for: bytes) else {
            throw PlanVerificationError(
                "the plan's signature does not verify under key \"\(keyID)\": the plan was altered or signed by another key"
            )
        }
        let plan: ChunkPlan
        do {
            plan = try JSONDecoder().decode(ChunkPlan.self, from: Data(bytes))
        } catch {
            throw PlanVerificationError("the signed plan cannot be decoded: \(error)")
        }
        return plan
    }
}

/// A plan a worker refuses to run.
public struct PlanVerificationError: Error, CustomStringConvertible, Sendable {
    /// Why.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
