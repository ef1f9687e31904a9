public import Foundation
public import RowProofContracts
public import RowProofCrypto

/// Seals a migration's artifacts into a signed `.tar.gz` evidence pack.
///
/// The pack holds one folder, `evidence-<migration>/`, with every artifact at its path, the
/// audit chain export at `audit/audit-chain.jsonl`, and `manifest.json`
/// (`schemas/evidence_pack.schema.json`): each file's SHA-256 and size, the audit chain head, the
/// SHA-256 of the policy and rulebook, and an Ed25519 signature over the RFC 8785 canonical JSON
/// of the manifest without `signature`. The archive is built in memory and written to a temporary
/// file that is renamed into place, so a pack is never half-written.
public struct EvidencePackBuilder: Sendable {
    /// Where the audit chain export goes inside the pack folder.
    public static let auditChainPath = "audit/audit-chain.jsonl"
    /// The manifest's name inside the pack folder.
    public static let manifestName = "manifest.json"

    private let signingKey: Ed25519PrivateKey
    private let keyID: String
    private let recorder: any AuditRecorder
    private let actor: String
    private let now: @Sendable () -> Date

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - signingKey: The key the manifest is signed with.
    ///   - keyID: The key's identifier in the manifest; by default ``KeyRing/fingerprint(of:)`` of its public key.
    ///   - recorder: The audit log `evidence.built` is recorded in.
    ///   - actor: Who builds the pack.
    ///   - now: The clock, injectable for tests.
    public init(
        signingKey: Ed25519PrivateKey,
        keyID: String? = nil,
        recorder: any AuditRecorder,
        actor: String,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(EvidenceError) {
        self.signingKey = signingKey
        do {
            self.keyID = try keyID ?? KeyRing.fingerprint(of: signingKey.publicKey)
        } catch {
            throw EvidenceError(.signing, "cannot derive the signing key's public key: \(error)")
        }
        self.recorder = recorder
        self.actor = actor
        self.now = now
    }

    /// Builds, signs and writes the pack of `migrationID` to `destination`.
    ///
    /// - Parameters:
    ///   - migrationID: The migration the pack proves.
    ///   - artifacts: Every file to seal; exactly one of kind `policy` and one of kind `rulebook`.
    ///   - auditChain: The audit chain export, sealed at ``auditChainPath``.
    ///   - destination: The `.tar.gz` to write; replaced atomically if it exists.
    /// - Returns: What was written.
    /// - Throws: ``EvidenceError`` for a duplicate or invalid path, a missing policy or rulebook,
    ///   or a write failure; nothing is left at `destination` on failure.
    @discardableResult
    public func build(
        migrationID: String,
        artifacts: [EvidenceArtifact],
        auditChain: AuditChainExport,
        to destination: URL
    ) throws -> EvidencePackSummary {
        let sealed =
            artifacts + [EvidenceArtifact(path: Self.auditChainPath, kind: .auditLog, contents: auditChain.jsonLines)]
        try checkPaths(sealed)
        let policy = try single(.policy, in: sealed)
        let rulebook = try single(.rulebook, in: sealed)
        let created = now()
        let files = sealed.map {
            EvidenceFile(path: $0.path, sha256: SHA256.hexDigest($0.contents), bytes: $0.contents.count, kind: $0.kind)
        }
        let unsigned = EvidenceManifest(
            migrationID: migrationID,
            createdAt: UTCTimestamp.string(from: created),
            createdBy: actor,
            files: files,
            auditChain: AuditChainHead(
                headSHA256: auditChain.headSHA256,
                entries: auditChain.entries,
                path: Self.auditChainPath
            ),
            policySHA256: SHA256.hexDigest(policy.contents),
            rulebookSHA256: SHA256.hexDigest(rulebook.contents),
            signature: SignatureBlock(
                keyID: keyID,
                signature: String(repeating: "0", count: 128),
                signedAt: UTCTimestamp.string(from: created)
            )
        )
        let manifest = try unsigned.signed(with: signingKey, keyID: keyID, at: created)
        let manifestData = try ContractEncoder().encode(manifest)

        let root = Self.rootFolder(for: migrationID)
        let entries =
            [TarEntry(path: root + "/" + Self.manifestName, contents: Array(manifestData))]
            + sealed.map { TarEntry(path: root + "/" + $0.path, contents: Array($0.contents)) }
        let seconds = Int(created.timeIntervalSince1970)
        let tar = try TarArchive.write(entries, modificationTime: seconds)
        let pack = Gzip.compressStored(tar, modificationTime: UInt32(clamping: seconds))
        do {
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(pack).write(to: destination, options: .atomic)
        } catch {
            throw EvidenceError(
                .io,
                "cannot write the evidence pack to \(destination.path): \(error.localizedDescription)"
            )
        }
        let packSHA256 = SHA256.hexDigest(pack)
        try recorder.record(
            AuditEvent(
                migration: migrationID,
                actor: actor,
                action: "evidence.built",
                subject: packSHA256,
                details: [
                    "path": destination.path, "files": String(files.count), "key_id": keyID,
                    "audit_head": auditChain.headSHA256,
                ]
            )
        )
        return EvidencePackSummary(url: destination, sha256: packSHA256, manifest: manifest)
    }

    /// The single folder every pack entry lives in.
    public static func rootFolder(for migrationID: String) -> String { "evidence-" + migrationID }

    private func checkPaths(_ artifacts: [EvidenceArtifact]) throws(EvidenceError) {
        var seen = Set<String>()
        for artifact in artifacts {
            let path = artifact.path
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !segments.contains(".."),
                !segments.contains(""), path != Self.manifestName
            else {
                throw EvidenceError(
                    .invalidInput,
                    "artifact path \"\(path)\" is not allowed: use a relative path with / separators, no empty or .. segments, and not \(Self.manifestName)"
                )
            }
            guard seen.insert(path).inserted else {
                throw EvidenceError(
                    .invalidInput,
                    "two artifacts want the same pack path \"\(path)\"; give each a distinct path"
                )
            }
        }
    }

    private func single(
        _ kind: EvidenceFile.Kind,
        in artifacts: [EvidenceArtifact]
    ) throws(EvidenceError) -> EvidenceArtifact {
        let matching = artifacts.filter { $0.kind == kind }
        guard matching.count == 1 else {
            throw EvidenceError(
                .invalidInput,
                "an evidence pack needs exactly one \(kind.rawValue) file (found \(matching.count)\(matching.isEmpty ? "" : ": " + matching.map(\.path).joined(separator: ", "))); "
                    + "add the \(kind.rawValue) in force for the migration"
            )
        }
        return matching[0]
    }
}

/// What ``EvidencePackBuilder`` wrote.
public struct EvidencePackSummary: Sendable {
    /// Where the pack is.
    public var url: URL
    /// SHA-256 of the pack file.
    public var sha256: String
    /// The signed manifest inside it.
    public var manifest: EvidenceManifest

    /// Creates a summary.
    public init(url: URL, sha256: String, manifest: EvidenceManifest) {
        self.url = url
        self.sha256 = sha256
        self.manifest = manifest
    }
}
