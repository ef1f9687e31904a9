public import Foundation
public import RowProofContracts
public import RowProofCrypto

/// Checks an evidence pack offline, with nothing but the pack and a trusted public key.
///
/// Every problem is listed, each naming its file: a changed, missing or added file, a manifest
/// signed by another key or whose signature does not verify, a policy or rulebook digest that is
/// not the digest of the sealed file, an audit chain export that does not verify entry by entry or
/// does not end at the head the manifest names.
public struct EvidencePackVerifier: Sendable {
    private let trustedKey: Ed25519PublicKey
    private let trustedKeyID: String

    /// Creates a verifier trusting `key`, known as `keyID` (by default ``KeyRing/fingerprint(of:)``).
    public init(trustedKey key: Ed25519PublicKey, keyID: String? = nil) {
        self.trustedKey = key
        self.trustedKeyID = keyID ?? KeyRing.fingerprint(of: key)
    }

    /// Verifies a `.tar.gz` pack written by ``EvidencePackBuilder``.
    ///
    /// - Throws: ``EvidenceError`` when the archive cannot be read at all (damaged, or compressed by
    ///   another tool: extract it and use ``verify(folderAt:)``).
    public func verify(packAt url: URL) throws(EvidenceError) -> EvidenceVerification {
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw EvidenceError(.io, "cannot read the evidence pack \(url.path): \(error.localizedDescription)")
        }
        let entries = try TarArchive.read(try Gzip.decompressStored(Array(bytes)))
        let roots = Set(entries.map { $0.path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? "" })
        guard roots.count == 1, let root = roots.first, entries.allSatisfy({ $0.path.hasPrefix(root + "/") }) else {
            throw EvidenceError(
                .unreadableArchive,
                "an evidence pack holds exactly one top folder; \(url.lastPathComponent) has \(roots.sorted().joined(separator: ", "))"
            )
        }
        var files: [String: [UInt8]] = [:]
        var duplicates: [String] = []
        for entry in entries {
            let path = String(entry.path.dropFirst(root.count + 1))
            if files.updateValue(entry.contents, forKey: path) != nil { duplicates.append(path) }
        }
        var result = verify(files: files)
        result.problems += duplicates.map { .added(path: $0) }
        return result
    }

    /// Verifies a pack already extracted (`tar -xzf PACK`): `url` is the folder holding `manifest.json`.
    ///
    /// - Throws: ``EvidenceError`` when the folder cannot be listed or a file cannot be read.
    public func verify(folderAt url: URL) throws(EvidenceError) -> EvidenceVerification {
        var files: [String: [UInt8]] = [:]
        let base = url.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw EvidenceError(.io, "cannot list \(url.path)")
        }
        for case let file as URL in walker {
            let resolved = file.standardizedFileURL.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(resolved.path.dropFirst(base.path.count + 1))
            do { files[relative] = Array(try Data(contentsOf: resolved)) } catch {
                throw EvidenceError(.io, "cannot read \(resolved.path): \(error.localizedDescription)")
            }
        }
        return verify(files: files)
    }

    /// Verifies a pack given as its files by path (`manifest.json` among them).
    public func verify(files: [String: [UInt8]]) -> EvidenceVerification {
        guard let manifestBytes = files[EvidencePackBuilder.manifestName] else {
            return EvidenceVerification(manifest: nil, problems: [.manifestMissing])
        }
        let manifest: EvidenceManifest
        do {
            manifest = try ContractDecoder().decode(
                EvidenceManifest.self,
                from: Data(manifestBytes),
                fileName: EvidencePackBuilder.manifestName
            )
        } catch {
            return EvidenceVerification(manifest: nil, problems: [.manifestInvalid(error.description)])
        }
        var problems: [EvidenceProblem] = []
        if manifest.signature.keyID != trustedKeyID {
            problems.append(.untrustedKey(keyID: manifest.signature.keyID, trustedKeyID: trustedKeyID))
        }
        if !manifest.hasValidSignature(under: trustedKey) {
            problems.append(.badSignature(keyID: manifest.signature.keyID))
        }
        var listed = Set<String>()
        for file in manifest.files {
            listed.insert(file.path)
            guard let bytes = files[file.path] else {
                problems.append(.missing(path: file.path))
                continue
            }
            let actual = SHA256.hexDigest(bytes)
            if actual != file.sha256 || bytes.count != file.bytes {
                problems.append(.changed(path: file.path, expectedSHA256: file.sha256, actualSHA256: actual))
            }
        }
        for path in files.keys.sorted() where path != EvidencePackBuilder.manifestName && !listed.contains(path) {
            problems.append(.added(path: path))
        }
        for (field, kind, digest) in [
            ("policy_sha256", EvidenceFile.Kind.policy, manifest.policySHA256),
            ("rulebook_sha256", .rulebook, manifest.rulebookSHA256),
        ] {
            if let file = manifest.files.first(where: { $0.kind == kind }), file.sha256 != digest {
                problems.append(.digestMismatch(field: field, path: file.path))
            }
        }
        if let export = files[manifest.auditChain.path],
            !problems.contains(where: { $0.path == manifest.auditChain.path })
        {
            if let problem = Self.checkAuditChain(export, against: manifest.auditChain) { problems.append(problem) }
        }
        return EvidenceVerification(manifest: manifest, problems: problems)
    }

    /// Re-verifies the exported audit chain entry by entry and checks it ends at the manifest's head.
    static func checkAuditChain(_ export: [UInt8], against head: AuditChainHead) -> EvidenceProblem? {
        let entries: [AuditEntry]
        do { entries = try AuditEntry.parseJSONLines(Data(export)) } catch {
            return .auditChainBroken(path: head.path, reason: "\(error)")
        }
        switch AuditChainVerifier.verify(entries) {
        case .broken(let seq, let reason):
            return .auditChainBroken(path: head.path, reason: "audit chain broken at seq \(seq): \(reason)")
        case .intact(let count, let headHash):
            guard count == head.entries, headHash == head.headSHA256 else {
                return .auditChainBroken(
                    path: head.path,
                    reason:
                        "the chain has \(count) entries ending at \(headHash.prefix(16))…; the manifest says \(head.entries) ending at \(head.headSHA256.prefix(16))…"
                )
            }
            return nil
        }
    }
}

/// The result of verifying an evidence pack.
public struct EvidenceVerification: Sendable {
    /// The manifest, when it could be read.
    public var manifest: EvidenceManifest?
    /// Everything wrong with the pack; empty when it verifies.
    public var problems: [EvidenceProblem]

    /// Creates a result.
    public init(manifest: EvidenceManifest?, problems: [EvidenceProblem]) {
        self.manifest = manifest
        self.problems = problems
    }

    /// Whether the pack verifies: signed by the trusted key and every file exactly as sealed.
    public var isValid: Bool { problems.isEmpty }
}
