import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

/// Signs cutover plans for tests and keeps the matching key ring.
struct CutoverPlanSigning {
    let key: Ed25519PrivateKey
    let keyRing: KeyRing

    init() throws {
        key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey
        keyRing = KeyRing([KeyRing.fingerprint(of: publicKey): publicKey])
    }

    var verifier: SignedPlanVerifier { SignedPlanVerifier(keyRing: keyRing) }

    /// `plan` as a signed plan document of `kind`.
    func signedDocument(
        _ plan: CutoverPlan,
        kind: SignedPlan.Kind = .cutoverPlan,
        planID: String = "cutover-1"
    ) throws -> Data {
        let signed = try SignedPlanSigner(key: key).sign(
            kind: kind,
            planID: planID,
            migrationID: plan.migrationID,
            createdBy: "alice",
            payload: try Self.payload(plan)
        )
        return try ContractEncoder().encode(signed)
    }

    /// The plan as a signed plan's payload.
    static func payload(_ plan: CutoverPlan) throws -> [String: JSONValue] {
        let tree = try ContractDecoder().parse(try JSONEncoder().encode(plan), format: .json)
        guard case .object(let members) = tree else {
            throw ToolFailure(description: "the plan did not encode as an object")
        }
        return members
    }
}
