import ArgumentParser
import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

extension RowProofCommand {
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Sign plans (migration, cutover, rollback) with Ed25519 and verify them.",
            discussion: """
                A signed plan (schemas/signed_plan.schema.json) carries the payload, its SHA-256, and an Ed25519 signature \
                over the RFC 8785 canonical JSON of the plan, under a key id. Verification uses the public keys in \
                HOME/trusted-keys/<key_id>.pub.pem (add one with `rowproof plan trust`).
                """,
            subcommands: [Sign.self, Verify.self, Trust.self]
        )
    }
}

extension RowProofCommand.PlanCommand {
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a plan payload (a JSON object) and write the signed plan."
        )

        @Argument(help: "The payload: a JSON file holding one object (the plan's steps, ...).")
        var payload: String
        @Option(help: "migration_plan, cutover_plan, rollback_plan or recon_chunk_plan.")
        var kind: String
        @Option(name: .customLong("plan-id"), help: "The plan's id (default: the payload file's name).")
        var planID: String?
        @Option(
            help: "The migration the plan belongs to; the signed plan is then registered as its artifact of that kind."
        )
        var migration: String?
        @Option(help: "The private key: a PEM file, or file://, env:// or vault://mount/path#key.")
        var key: String
        @Option(
            name: .customLong("key-id"),
            help: "The key id verifiers look the public key up by (default: the key's fingerprint)."
        )
        var keyID: String?
        @Option(name: [.customShort("o"), .long], help: "Output file (default: PAYLOAD with .signed.json).")
        var output: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                guard let planKind = SignedPlan.Kind(rawValue: kind) else {
                    throw GovernanceError(
                        .badInput,
                        "--kind \(kind): use \(SignedPlan.Kind.acceptedValues.joined(separator: ", "))"
                    )
                }
                guard let data = FileManager.default.contents(atPath: payload) else {
                    throw GovernanceError(.badInput, "payload \(payload) does not exist or is not readable")
                }
                let tree: JSONValue
                do {
                    tree = try ContractDecoder().parse(data, format: .init(fileName: payload))
                } catch {
                    throw GovernanceError(.badInput, "payload \(payload) is not valid JSON or YAML: \(error)")
                }
                guard case .object(let members) = tree else {
                    throw GovernanceError(.badInput, "payload \(payload) must hold one JSON object")
                }
                let url = URL(fileURLWithPath: payload)
                let signer = try SignedPlanSigner(key: try SigningKeyLoader.load(key), keyID: keyID)
                let plan = try signer.sign(
                    kind: planKind,
                    planID: planID ?? url.deletingPathExtension().lastPathComponent,
                    migrationID: migration,
                    createdBy: governance.actorName,
                    payload: members
                )
                let destination = output ?? url.deletingPathExtension().path + ".signed.json"
                let document = try ContractEncoder().encode(plan)
                try document.write(to: URL(fileURLWithPath: destination), options: .atomic)
                _ = try governance.openAuditLog().record(
                    AuditEvent(
                        migration: migration,
                        actor: governance.actorName,
                        action: "plan.signed",
                        subject: plan.plan.planID,
                        details: [
                            "kind": planKind.rawValue, "key_id": signer.keyID,
                            "payload_sha256": plan.plan.payloadSHA256,
                            "file_sha256": SHA256.hexDigest(document), "path": destination,
                        ]
                    )
                )
                print("signed \(planKind.rawValue) \(plan.plan.planID) with key \(signer.keyID): \(destination)")
                if let migration, planKind != .reconChunkPlan {
                    // The state machine's guards look the signed plan up as the migration's artifact of its kind.
                    let record = try governance.openRegistry().registerArtifact(
                        migration: migration,
                        name: planKind.rawValue,
                        path: destination,
                        actor: governance.actorName
                    )
                    print("registered as \(record.name) of migration \(migration)")
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Verify a signed plan against the trusted keys. Exit 0 valid, 1 refused (unsigned, altered, unknown key), 2 unreadable."
        )

        @Argument(help: "The signed plan.")
        var file: String
        @Option(help: "Require this kind of plan.")
        var kind: String?
        @Option(help: "Folder of trusted <key_id>.pub.pem files (default: HOME/trusted-keys).")
        var trusted: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let expected = try kind.map { text throws(GovernanceError) -> SignedPlan.Kind in
                    guard let value = SignedPlan.Kind(rawValue: text) else {
                        throw GovernanceError(
                            .badInput,
                            "--kind \(text): use \(SignedPlan.Kind.acceptedValues.joined(separator: ", "))"
                        )
                    }
                    return value
                }
                let ring =
                    try trusted.map { try KeyRing.load(directory: URL(fileURLWithPath: $0)) }
                    ?? governance.governanceHome.keyRing()
                guard FileManager.default.isReadableFile(atPath: file) else {
                    throw GovernanceError(.badInput, "signed plan \(file) does not exist or is not readable")
                }
                let plan = try SignedPlanVerifier(keyRing: ring).verify(
                    contentsOf: URL(fileURLWithPath: file),
                    expecting: expected
                )
                print(
                    "\(file): valid \(plan.plan.kind.rawValue) \(plan.plan.planID), signed by \(plan.signature.keyID) at \(plan.signature.signedAt)"
                )
            }
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust a public key for signed plans (copies it to HOME/trusted-keys)."
        )

        @Argument(help: "The PEM public key (signing-key.pub.pem from `rowproof keygen`).")
        var publicKey: String
        @Option(name: .customLong("key-id"), help: "The key id plans name (default: the key's fingerprint).")
        var keyID: String?
        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                guard let data = FileManager.default.contents(atPath: publicKey) else {
                    throw GovernanceError(.badInput, "public key \(publicKey) does not exist or is not readable")
                }
                let key: Ed25519PublicKey
                do {
                    key = try Ed25519PublicKey(pem: String(decoding: data, as: UTF8.self))
                } catch {
                    throw GovernanceError(.badInput, "\(publicKey) is not an Ed25519 public key in PEM: \(error)")
                }
                let id = keyID ?? KeyRing.fingerprint(of: key)
                guard id.range(of: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", options: .regularExpression) != nil else {
                    throw GovernanceError(
                        .badInput,
                        "--key-id \(id) is not valid: letters, digits, '.', '_', ':' or '-'"
                    )
                }
                let home = governance.governanceHome
                try home.prepare()
                let destination = home.trustedKeysDirectory.appendingPathComponent("\(id).pub.pem")
                try data.write(to: destination, options: .atomic)
                _ = try governance.openAuditLog().record(
                    AuditEvent(
                        migration: nil,
                        actor: governance.actorName,
                        action: "key.trusted",
                        subject: id,
                        details: ["public_key_sha256": SHA256.hexDigest(key.rawRepresentation)]
                    )
                )
                print("trusted key \(id): \(destination.path)")
            }
        }
    }
}
