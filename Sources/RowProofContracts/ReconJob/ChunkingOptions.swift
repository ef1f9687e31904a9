/// How tables are split into key-range chunks and how chunk work is leased to workers.
public struct ChunkingOptions: ContractModel {
    /// Target rows per chunk (at least 1).
    public var chunkRows: Int?
    /// Target seconds per chunk; chunks are resized toward it.
    public var targetChunkSeconds: Double?
    /// Attempts per chunk before the job fails (1 ... 100).
    public var maxAttempts: Int?
    /// Seconds a worker holds a chunk before it is handed to another (1 ... 86400).
    public var leaseSeconds: Int?

    /// Creates chunking options; `nil` fields take the coordinator's defaults.
    public init(
        chunkRows: Int? = nil,
        targetChunkSeconds: Double? = nil,
        maxAttempts: Int? = nil,
        leaseSeconds: Int? = nil
    ) {
        self.chunkRows = chunkRows
        self.targetChunkSeconds = targetChunkSeconds
        self.maxAttempts = maxAttempts
        self.leaseSeconds = leaseSeconds
    }

    enum CodingKeys: String, CodingKey {
        case chunkRows = "chunk_rows"
        case targetChunkSeconds = "target_chunk_seconds"
        case maxAttempts = "max_attempts"
        case leaseSeconds = "lease_seconds"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        if let chunkRows { try path["chunk_rows"].check(chunkRows, atLeast: 1) }
        if let targetChunkSeconds { try path["target_chunk_seconds"].check(targetChunkSeconds, greaterThan: 0) }
        if let maxAttempts { try path["max_attempts"].check(maxAttempts, in: 1...100) }
        if let leaseSeconds { try path["lease_seconds"].check(leaseSeconds, in: 1...86_400) }
    }
}
