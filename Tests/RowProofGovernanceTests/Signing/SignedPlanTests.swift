import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import RowProofSources
import Testing

@Suite struct SignedPlanTests {
    private let key: Ed25519PrivateKey
    private let signer: SignedPlanSigner
    private let verifier: SignedPlanVerifier

    init() throws {
        key = try Ed25519PrivateKey.generate()
        signer = try SignedPlanSigner(key: key, keyID: "ops-2026")
        verifier = SignedPlanVerifier(keyRing: KeyRing(["ops-2026": try key.publicKey]))
    }

    private func signedDocument(
        steps: [String] = ["swap view", "write routing"],
        planID: String = "cut-1"
    ) throws -> Data {
        let plan = try signer.sign(
            kind: .cutoverPlan,
            planID: planID,
            migrationID: "orders-move",
            createdBy: "bob",
            payload: ["steps": .array(steps.map(JSONValue.string)), "timeout_s": .integer(300)]
        )
        return try ContractEncoder().encode(plan)
    }

    /// Parses `data`, applies `change` to the tree, and writes it back.
    private func edit(_ data: Data, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func signedPlanVerifies() throws {
        let plan = try verifier.verify(try signedDocument(), source: "cutover.json", expecting: .cutoverPlan)
        #expect(plan.plan.planID == "cut-1")
        #expect(plan.signature.keyID == "ops-2026")
        #expect(plan.plan.payloadSHA256 == (try SignedPlanSigner.payloadSHA256(plan.plan.payload)))
    }

    @Test func alteredContentIsRefused() throws {
        let altered = try edit(try signedDocument()) { object in
            var plan = object["plan"] as! [String: Any]
            plan["payload"] = ["steps": ["swap view", "drop table orders"], "timeout_s": 300]
            object["plan"] = plan
        }
        let error = #expect(throws: SignedPlanError.self) { try verifier.verify(altered, source: "cutover.json") }
        guard case .contentAltered = error?.reason else {
            Issue.record("expected contentAltered, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("cutover.json") == true)
    }

    @Test func alteredMetadataBreaksTheSignature() throws {
        let altered = try edit(try signedDocument()) { object in
            var plan = object["plan"] as! [String: Any]
            plan["migration_id"] = "another-migration"
            object["plan"] = plan
        }
        let error = #expect(throws: SignedPlanError.self) { try verifier.verify(altered, source: "cutover.json") }
        #expect(error?.reason == .badSignature(keyID: "ops-2026"))
    }

    @Test func swappedSignatureIsRefused() throws {
        let other = try JSONSerialization.jsonObject(with: try signedDocument(planID: "cut-2")) as! [String: Any]
        let swapped = try edit(try signedDocument()) { object in object["signature"] = other["signature"] }
        let error = #expect(throws: SignedPlanError.self) { try verifier.verify(swapped, source: "cutover.json") }
        #expect(error?.reason == .badSignature(keyID: "ops-2026"))
    }

    @Test func unknownKeyIsRefused() throws {
        let stranger = try SignedPlanSigner(key: try Ed25519PrivateKey.generate(), keyID: "stranger")
        let plan = try stranger.sign(
            kind: .cutoverPlan,
            planID: "cut-1",
            migrationID: nil,
            createdBy: nil,
            payload: [:]
        )
        let error = #expect(throws: SignedPlanError.self) {
            try verifier.verify(try ContractEncoder().encode(plan), source: "cutover.json")
        }
        #expect(error?.reason == .unknownKey(keyID: "stranger", trusted: ["ops-2026"]))
    }

    @Test func unsignedPlanIsRefused() throws {
        let unsigned = try edit(try signedDocument()) { object in object.removeValue(forKey: "signature") }
        let error = #expect(throws: SignedPlanError.self) { try verifier.verify(unsigned, source: "cutover.json") }
        #expect(error?.reason == .unsigned)
    }

    @Test func wrongKindIsRefused() throws {
        let error = #expect(throws: SignedPlanError.self) {
            try verifier.verify(try signedDocument(), source: "p.json", expecting: .rollbackPlan)
        }
        #expect(error?.reason == .wrongKind(expected: "rollback_plan", found: "cutover_plan"))
    }

    @Test func base64SignatureIsAccepted() throws {
        let document = try signedDocument()
        let base64 = try edit(document) { object in
            var signature = object["signature"] as! [String: Any]
            let bytes = Hex.decode(signature["signature"] as! String)!
            signature["signature"] = Data(bytes).base64EncodedString()
            object["signature"] = signature
        }
        #expect(try verifier.verify(base64, source: "p.json").plan.planID == "cut-1")
    }

    @Test func keyRingLoadsPublicKeysFromAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try key.publicKey.pemRepresentation.utf8).write(to: folder.appendingPathComponent("ops-2026.pub.pem"))
        let ring = try KeyRing.load(directory: folder)
        #expect(ring.keyIDs == ["ops-2026"])
        #expect(ring.key(id: "ops-2026") == (try key.publicKey))
        #expect(KeyRing.fingerprint(of: try key.publicKey).hasPrefix("ed25519-"))
    }

    @Test func signingKeyLoadsFromAFileOrAnEnvironmentReference() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).pem").path
        try Data(try key.pemRepresentation.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try SigningKeyLoader.load(path) == key)
        #expect(
            try SigningKeyLoader.load(
                "env://SIGNING_KEY",
                secrets: .init(environment: ["SIGNING_KEY": try key.pemRepresentation])
            ) == key
        )
        let missing = #expect(throws: GovernanceError.self) { try SigningKeyLoader.load("/nonexistent/key.pem") }
        #expect(missing?.message.contains("/nonexistent/key.pem") == true)
    }
}
