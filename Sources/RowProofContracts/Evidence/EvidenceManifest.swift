/// The manifest of an evidence pack (`schemas/evidence_pack.schema.json`).
///
/// It lists every file with its SHA-256 and size, the head of the audit chain, and the policy
/// and rulebook in force; ``signature`` covers the RFC 8785 canonical JSON of the manifest
/// without its `signature` member. Verification fails on any changed, missing or added file.
public struct EvidenceManifest: ContractModel {
    /// The manifest format; always `rowproof-evidence-pack`.
    public enum Format: String, ContractEnum {
        /// RowProof's evidence pack.
        case rowproofEvidencePack = "rowproof-evidence-pack"
    }

    /// The format name.
    public var format: Format
    /// The format version; 1.
    public var formatVersion: Int
    /// The migration the pack proves.
    public var migrationID: String
    /// When the pack was sealed (RFC 3339).
    public var createdAt: String
    /// Who or what sealed it.
    public var createdBy: String?
    /// Every file of the pack.
    public var files: [EvidenceFile]
    /// The audit chain exported into the pack.
    public var auditChain: AuditChainHead
    /// SHA-256 of the policy in force.
    public var policySHA256: String
    /// SHA-256 of the type-coercion rulebook in force.
    public var rulebookSHA256: String
    /// The signature over the manifest without this member.
    public var signature: SignatureBlock

    /// The manifest format versions this build reads.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1

    /// Creates a manifest.
    public init(
        format: Format = .rowproofEvidencePack,
        formatVersion: Int = 1,
        migrationID: String,
        createdAt: String,
        createdBy: String? = nil,
        files: [EvidenceFile],
        auditChain: AuditChainHead,
        policySHA256: String,
        rulebookSHA256: String,
        signature: SignatureBlock
    ) {
        self.format = format
        self.formatVersion = formatVersion
        self.migrationID = migrationID
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.files = files
        self.auditChain = auditChain
        self.policySHA256 = policySHA256
        self.rulebookSHA256 = rulebookSHA256
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case format
        case formatVersion = "format_version"
        case migrationID = "migration_id"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case files
        case auditChain = "audit_chain"
        case policySHA256 = "policy_sha256"
        case rulebookSHA256 = "rulebook_sha256"
        case signature
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        guard Self.supportedFormatVersions.contains(formatVersion) else {
            throw path["format_version"].fail("unsupported version \(formatVersion); this build reads version 1")
        }
        try path["migration_id"].check(migrationID, matches: .identifier)
        try path["created_at"].check(createdAt, matches: .timestamp)
        if let createdBy { try path["created_by"].checkNotEmpty(createdBy) }
        try path["files"].checkNotEmpty(files)
        try files.validateEach(at: path["files"])
        try path["files"].checkUnique(files.map(\.path)) { "file \"\($0)\"" }
        try auditChain.validate(at: path["audit_chain"])
        guard files.contains(where: { $0.path == auditChain.path }) else {
            throw path["audit_chain"]["path"].fail("\"\(auditChain.path)\" must be listed in files")
        }
        try path["policy_sha256"].check(policySHA256, matches: .sha256)
        try path["rulebook_sha256"].check(rulebookSHA256, matches: .sha256)
        try signature.validate(at: path["signature"])
    }
}
