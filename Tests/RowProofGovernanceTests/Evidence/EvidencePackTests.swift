import Foundation
import RowProofContracts
import RowProofCrypto
import Testing

@testable import RowProofGovernance

@Suite struct EvidencePackTests {
    let key: Ed25519PrivateKey
    let fixture: MigrationFolderFixture
    let recorder = EventCapturingRecorder()

    init() throws {
        key = try Ed25519PrivateKey.generate()
        fixture = try MigrationFolderFixture()
    }

    var verifier: EvidencePackVerifier { get throws { EvidencePackVerifier(trustedKey: try key.publicKey) } }

    @Test func aRealisticMigrationPackSealsAtLeast47FilesAndVerifies() throws {
        let (pack, summary) = try fixture.buildPack(key: key, recorder: recorder)
        #expect(summary.manifest.files.count >= 47)
        let kinds = Set(summary.manifest.files.map(\.kind))
        #expect(
            kinds.isSuperset(of: [
                .reconReport, .reportMarkdown, .reportHTML, .signedPlan, .approval, .policy, .rulebook, .auditLog,
                .stateHistory,
            ])
        )
        #expect(summary.manifest.policySHA256 == SHA256.hexDigest(Array("{\"name\":\"default\"}".utf8)))
        let result = try verifier.verify(packAt: pack)
        #expect(result.problems == [])
        #expect(result.isValid)
        #expect(recorder.actions() == ["evidence.built"])
        #expect(recorder.events.first?.subject == SHA256.hexDigest(try Data(contentsOf: pack)))
    }

    @Test func systemTarListsEveryFileAndTheExtractedFolderVerifies() throws {
        let (pack, summary) = try fixture.buildPack(key: key, recorder: recorder)
        let root = EvidencePackBuilder.rootFolder(for: fixture.migrationID)
        let listing = Set(
            try runTool("/bin/sh", ["-c", "tar -tzf '\(pack.path)'"]).split(separator: "\n").map(String.init)
        )
        let expected = Set(summary.manifest.files.map { root + "/" + $0.path } + [root + "/manifest.json"])
        #expect(listing == expected)
        let out = try temporaryFolder()
        try runTool("/bin/sh", ["-c", "tar -xzf '\(pack.path)'"], in: out)
        #expect(try verifier.verify(folderAt: out.appendingPathComponent(root)).problems == [])
    }

    @Test func anEditedFileIsCaughtAndNamed() throws {
        let (pack, _) = try fixture.buildPack(key: key, recorder: recorder)
        let target = "artifacts/recon/orders/report.json"
        try rewritePack(pack) { entries in
            let index = entries.firstIndex { $0.path.hasSuffix("/" + target) }!
            entries[index].contents = Array("{\"table\":\"orders\",\"verdict\":\"pass\" }".utf8)
        }
        let problems = try verifier.verify(packAt: pack).problems
        #expect(problems.count == 1)
        guard case .changed(let path, _, _) = problems.first else {
            Issue.record("expected a changed file, got \(problems)")
            return
        }
        #expect(path == target)
        #expect(problems.first?.description.hasPrefix(target + ": changed") == true)
    }

    @Test func aRemovedFileIsCaughtAndNamed() throws {
        let (pack, _) = try fixture.buildPack(key: key, recorder: recorder)
        let target = "artifacts/approvals/approval-2-platform_owner.json"
        try rewritePack(pack) { entries in entries.removeAll { $0.path.hasSuffix("/" + target) } }
        #expect(try verifier.verify(packAt: pack).problems == [.missing(path: target)])
    }

    @Test func anAddedFileIsCaughtAndNamed() throws {
        let (pack, _) = try fixture.buildPack(key: key, recorder: recorder)
        let root = EvidencePackBuilder.rootFolder(for: fixture.migrationID)
        try rewritePack(pack) { entries in
            entries.append(
                TarEntry(path: root + "/artifacts/approvals/approval-5-forged.json", contents: Array("{}".utf8))
            )
        }
        #expect(
            try verifier.verify(packAt: pack).problems == [.added(path: "artifacts/approvals/approval-5-forged.json")]
        )
    }

    @Test func aSwappedSignatureIsCaught() throws {
        let (pack, _) = try fixture.buildPack(key: key, recorder: recorder)
        // Another pack of the same migration, signed by another key under the trusted key's id.
        let other = try Ed25519PrivateKey.generate()
        let otherFixture = try MigrationFolderFixture()
        let trustedID = KeyRing.fingerprint(of: try key.publicKey)
        let (_, otherSummary) = try otherFixture.buildPack(key: other, recorder: recorder, at: "other.tar.gz")
        try rewritePack(pack) { entries in
            let index = entries.firstIndex { $0.path.hasSuffix("/manifest.json") }!
            var manifest = try ContractDecoder().decode(
                EvidenceManifest.self,
                from: Data(entries[index].contents),
                fileName: "manifest.json"
            )
            manifest.signature = otherSummary.manifest.signature
            manifest.signature.keyID = trustedID
            entries[index].contents = Array(try ContractEncoder().encode(manifest))
        }
        let problems = try verifier.verify(packAt: pack).problems
        #expect(problems == [.badSignature(keyID: trustedID)])
        #expect(problems.first?.path == "manifest.json")
    }

    @Test func aPackSignedByAnotherKeyIsNotTrusted() throws {
        let other = try Ed25519PrivateKey.generate()
        let (pack, _) = try fixture.buildPack(key: other, recorder: recorder)
        let problems = try verifier.verify(packAt: pack).problems
        #expect(
            problems.contains(
                .untrustedKey(
                    keyID: KeyRing.fingerprint(of: try other.publicKey),
                    trustedKeyID: KeyRing.fingerprint(of: try key.publicKey)
                )
            )
        )
        #expect(problems.contains(.badSignature(keyID: KeyRing.fingerprint(of: try other.publicKey))))
    }

    @Test func aPackRecompressedBySystemTarIsRefusedWithAnExplanation() throws {
        let (pack, _) = try fixture.buildPack(key: key, recorder: recorder)
        let out = try temporaryFolder()
        try runTool(
            "/bin/sh",
            ["-c", "tar -xzf '\(pack.path)' && tar -czf repacked.tar.gz evidence-\(fixture.migrationID)"],
            in: out
        )
        let error = #expect(throws: EvidenceError.self) {
            try verifier.verify(packAt: out.appendingPathComponent("repacked.tar.gz"))
        }
        #expect(error?.code == .unsupportedArchive)
    }

    @Test func aPackWithoutPolicyIsNotBuilt() throws {
        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("policy.json"))
        let error = #expect(throws: EvidenceError.self) { try fixture.buildPack(key: key, recorder: recorder) }
        #expect(error?.message.contains("exactly one policy") == true)
        #expect(
            !FileManager.default.fileExists(
                atPath: fixture.folder.deletingLastPathComponent().appendingPathComponent("evidence.tar.gz").path
            )
        )
    }
}

@Suite struct EvidenceAuditChainTests {
    @Test func aTamperedAuditEntryInsideAResignedPackIsCaught() throws {
        let key = try Ed25519PrivateKey.generate()
        let fixture = try MigrationFolderFixture()
        let (pack, _) = try fixture.buildPack(key: key, recorder: EventCapturingRecorder())
        // Whoever holds the key rewrites an audit entry and re-seals the manifest: the chain still breaks.
        try rewritePack(pack) { entries in
            let logIndex = entries.firstIndex { $0.path.hasSuffix("/" + EvidencePackBuilder.auditChainPath) }!
            let text = String(decoding: entries[logIndex].contents, as: UTF8.self).replacingOccurrences(
                of: "\"alice\"",
                with: "\"mallory\""
            )
            entries[logIndex].contents = Array(text.utf8)
            let manifestIndex = entries.firstIndex { $0.path.hasSuffix("/manifest.json") }!
            var manifest = try ContractDecoder().decode(
                EvidenceManifest.self,
                from: Data(entries[manifestIndex].contents),
                fileName: "manifest.json"
            )
            let fileIndex = manifest.files.firstIndex { $0.path == EvidencePackBuilder.auditChainPath }!
            manifest.files[fileIndex].sha256 = SHA256.hexDigest(entries[logIndex].contents)
            manifest.files[fileIndex].bytes = entries[logIndex].contents.count
            manifest = try manifest.signed(with: key, keyID: KeyRing.fingerprint(of: try key.publicKey), at: Date())
            entries[manifestIndex].contents = Array(try ContractEncoder().encode(manifest))
        }
        let problems = try EvidencePackVerifier(trustedKey: try key.publicKey).verify(packAt: pack).problems
        #expect(problems.count == 1)
        #expect(problems.first?.path == EvidencePackBuilder.auditChainPath)
        #expect(problems.first?.description.contains("audit chain broken at seq 1") == true)
    }
}
