import ArgumentParser
import Foundation
import RowProofContracts
import RowProofCrypto
import RowProofGovernance

extension RowProofCommand {
    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Seal a migration's evidence into a signed pack, or verify a pack offline.",
            subcommands: [Build.self, Verify.self]
        )
    }
}

extension RowProofCommand.EvidenceCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Collect every artifact of a migration into a signed .tar.gz evidence pack.",
            discussion: """
                The pack holds every registered artifact (plans, reports, histories, approvals, cutover and \
                rollback reports), the policy and the rulebook, the state history and approvals, the audit chain \
                export, and the files of each --include folder (recon outputs with their JSON, Markdown and HTML \
                reports, parallel-run runs, discovery, profiling, mappings, models, explanations). manifest.json \
                lists each file's SHA-256 and is signed with Ed25519. The pack is registered as artifact \
                evidence_pack. Exit codes: 0 built, 2 could not build.
                """
        )

        @Option(help: "The migration.")
        var migration: String

        @Option(help: "The signing key (PEM file path, or env://, file://, vault:// reference).")
        var key: String

        @Option(
            help:
                "The type-coercion rulebook in force (default: the artifact named type_coercion_rulebook, else the rulebook shipped with rowproof)."
        )
        var rulebook: String?

        @Option(help: "A folder to include (repeatable); stored under files/<folder name>/.")
        var include: [String] = []

        @Option(
            name: [.customShort("o"), .long],
            help: "The pack to write. Default: HOME/evidence/MIGRATION-evidence.tar.gz."
        )
        var output: String?

        @OptionGroup var governance: GovernanceOptions

        func run() throws {
            try runGoverned {
                let registry = try governance.openRegistry()
                let record = try registry.migration(migration)
                var artifacts: [EvidenceArtifact] = []
                var hasRulebook = false
                for artifact in try registry.artifacts(migration: migration) {
                    if case .failure(let problem) = try registry.checkArtifact(
                        migration: migration,
                        name: artifact.name
                    ) {
                        throw problem
                    }
                    let url = URL(fileURLWithPath: artifact.path)
                    let kind =
                        artifact.name == "type_coercion_rulebook"
                        ? .rulebook : EvidenceCollector.kind(ofFileNamed: artifact.name + "." + url.pathExtension)
                    guard kind != .policy, artifact.name != "evidence_pack" else { continue }
                    hasRulebook = hasRulebook || kind == .rulebook
                    artifacts.append(
                        try EvidenceArtifact(
                            path: "artifacts/\(artifact.name)/\(url.lastPathComponent)",
                            kind: kind,
                            contentsOf: url
                        )
                    )
                }
                guard let policyPath = record.policyPath else {
                    throw ValidationError(
                        "migration \(migration) has no policy; an evidence pack needs the policy in force"
                    )
                }
                artifacts.append(
                    try EvidenceArtifact(
                        path: "policy/" + URL(fileURLWithPath: policyPath).lastPathComponent,
                        kind: .policy,
                        contentsOf: URL(fileURLWithPath: policyPath)
                    )
                )
                if let rulebook {
                    guard !hasRulebook else {
                        throw ValidationError("the migration has a registered rulebook; drop --rulebook")
                    }
                    artifacts.append(
                        try EvidenceArtifact(
                            path: "rulebook/" + URL(fileURLWithPath: rulebook).lastPathComponent,
                            kind: .rulebook,
                            contentsOf: URL(fileURLWithPath: rulebook)
                        )
                    )
                } else if !hasRulebook {
                    // The rulebook recon and mapping used when none was given: the one shipped with RowProof.
                    let shipped = try InstalledFiles.rulebook()
                    artifacts.append(
                        try EvidenceArtifact(
                            path: "rulebook/" + URL(fileURLWithPath: shipped).lastPathComponent,
                            kind: .rulebook,
                            contentsOf: URL(fileURLWithPath: shipped)
                        )
                    )
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                artifacts.append(
                    EvidenceArtifact(
                        path: "governance/state-history.json",
                        kind: .stateHistory,
                        contents: try encoder.encode(try registry.history(migration: migration))
                    )
                )
                artifacts.append(
                    EvidenceArtifact(
                        path: "governance/approvals.json",
                        kind: .approval,
                        contents: try encoder.encode(try registry.approvals(migration: migration))
                    )
                )
                for folder in include {
                    let url = URL(fileURLWithPath: folder)
                    artifacts += try EvidenceCollector.collect(
                        folder: url,
                        prefix: "files/" + url.standardizedFileURL.lastPathComponent
                    )
                    .map { artifact in
                        var artifact = artifact
                        if artifact.kind == .policy || artifact.kind == .rulebook || artifact.kind == .auditLog {
                            artifact.kind = .other
                        }
                        return artifact
                    }
                }
                let log = try governance.openAuditLog()
                let entries = try log.entries()
                guard let head = entries.last else { throw ValidationError("the audit log is empty; nothing to seal") }
                let chain = AuditChainExport(
                    jsonLines: try log.exportJSONLines(),
                    headSHA256: head.hash,
                    entries: entries.count
                )
                let key = try SigningKeyLoader.load(self.key)
                let destination = URL(
                    fileURLWithPath: output
                        ?? governance.governanceHome.url.appendingPathComponent("evidence/\(migration)-evidence.tar.gz")
                        .path
                )
                let builder = try EvidencePackBuilder(signingKey: key, recorder: log, actor: governance.actorName)
                let summary = try builder.build(
                    migrationID: migration,
                    artifacts: artifacts,
                    auditChain: chain,
                    to: destination
                )
                try registry.registerArtifact(
                    migration: migration,
                    name: "evidence_pack",
                    path: destination.path,
                    actor: governance.actorName
                )
                print(
                    """
                    SEALED: \(summary.manifest.files.count) files in \(destination.path)
                      pack SHA-256: \(summary.sha256)
                      signed by key \(summary.manifest.signature.keyID); audit chain head \(head.hash) (\(entries.count) entries)
                    """
                )
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify an evidence pack offline with only the pack and a trusted public key.",
            discussion: """
                PACK is a .tar.gz written by `rowproof evidence build`, or the folder it was extracted to \
                (`tar -xzf` then verify evidence-MIGRATION/). Every changed, missing or added file, a bad or \
                swapped signature and a broken audit chain are reported by file. Exit codes: 0 verified, \
                1 problems found, 2 the pack could not be read.
                """
        )

        @Argument(help: "The pack (.tar.gz) or an extracted pack folder.")
        var pack: String

        @Option(name: .customLong("trust-key"), help: "The trusted public key (PEM) the pack must be signed with.")
        var trustKey: String

        func run() throws {
            let verification: EvidenceVerification
            do {
                let key = try Ed25519PublicKey(pem: String(contentsOfFile: trustKey, encoding: .utf8))
                let verifier = EvidencePackVerifier(trustedKey: key)
                var isFolder: ObjCBool = false
                let url = URL(fileURLWithPath: pack)
                guard FileManager.default.fileExists(atPath: pack, isDirectory: &isFolder) else {
                    throw EvidenceError(.io, "\(pack) does not exist")
                }
                verification =
                    isFolder.boolValue ? try verifier.verify(folderAt: url) : try verifier.verify(packAt: url)
            } catch {
                FileHandle.standardError.write(Data("rowproof: cannot verify \(pack): \(error)\n".utf8))
                throw ExitCode(2)
            }
            if verification.isValid, let manifest = verification.manifest {
                print(
                    "VERIFIED: \(pack): \(manifest.files.count) files of migration \(manifest.migrationID), signed by \(manifest.signature.keyID) at \(manifest.signature.signedAt)"
                )
                return
            }
            print("NOT VERIFIED: \(pack): \(verification.problems.count) problem(s)")
            for problem in verification.problems { print("  \(problem)") }
            throw ExitCode(1)
        }
    }
}
