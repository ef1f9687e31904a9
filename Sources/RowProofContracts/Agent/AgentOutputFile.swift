/// A file an agent wrote.
public struct AgentOutputFile: ContractModel {
    /// Path relative to the agent's output directory.
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int?

    /// Creates an output file entry.
    public init(path: String, sha256: String, bytes: Int? = nil) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["path"].check(self.path, matches: .relativePath)
        try path["sha256"].check(sha256, matches: .sha256)
        if let bytes { try path["bytes"].check(bytes, atLeast: 0) }
    }
}
