/// Where an evidence pack's audit chain ends.
public struct AuditChainHead: ContractModel {
    /// Digest of the last audit entry.
    public var headSHA256: String
    /// Number of entries in the chain.
    public var entries: Int
    /// The chain export inside the pack.
    public var path: String

    /// Creates a chain head.
    public init(headSHA256: String, entries: Int, path: String) {
        self.headSHA256 = headSHA256
        self.entries = entries
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case headSHA256 = "head_sha256"
        case entries, path
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["head_sha256"].check(headSHA256, matches: .sha256)
        try path["entries"].check(entries, atLeast: 1)
        try path["path"].check(self.path, matches: .relativePath)
    }
}
