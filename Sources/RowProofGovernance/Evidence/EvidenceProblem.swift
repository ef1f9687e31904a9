/// One reason an evidence pack does not verify, naming the file concerned.
public enum EvidenceProblem: Sendable, Equatable, CustomStringConvertible {
    /// The pack has no `manifest.json`.
    case manifestMissing
    /// `manifest.json` is not a valid manifest.
    case manifestInvalid(String)
    /// The manifest is signed under another key id than the trusted key's.
    case untrustedKey(keyID: String, trustedKeyID: String)
    /// The signature does not verify under the trusted key.
    case badSignature(keyID: String)
    /// A listed file's bytes differ from the manifest.
    case changed(path: String, expectedSHA256: String, actualSHA256: String)
    /// A listed file is not in the pack.
    case missing(path: String)
    /// The pack holds a file the manifest does not list.
    case added(path: String)
    /// The manifest's policy or rulebook digest is not the digest of the listed file of that kind.
    case digestMismatch(field: String, path: String)
    /// The audit chain export does not verify, or does not end where the manifest says.
    case auditChainBroken(path: String, reason: String)

    /// The file the problem is about, when there is one.
    public var path: String? {
        switch self {
        case .manifestMissing, .manifestInvalid, .untrustedKey, .badSignature: "manifest.json"
        case .changed(let path, _, _), .missing(let path), .added(let path), .digestMismatch(_, let path),
            .auditChainBroken(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .manifestMissing: "manifest.json is missing: this is not an evidence pack, or its manifest was removed"
        case .manifestInvalid(let reason): "manifest.json is not a valid manifest: \(reason)"
        case .untrustedKey(let keyID, let trusted):
            "manifest.json is signed by key \(keyID), not by the trusted key \(trusted)"
        case .badSignature(let keyID):
            "manifest.json: the signature does not verify under key \(keyID): the manifest was altered or its signature replaced"
        case .changed(let path, let expected, let actual):
            "\(path): changed (SHA-256 \(actual), the manifest says \(expected))"
        case .missing(let path): "\(path): listed in the manifest but missing from the pack"
        case .added(let path): "\(path): in the pack but not listed in the manifest"
        case .digestMismatch(let field, let path): "manifest.json: \(field) is not the SHA-256 of \(path)"
        case .auditChainBroken(let path, let reason): "\(path): \(reason)"
        }
    }
}
