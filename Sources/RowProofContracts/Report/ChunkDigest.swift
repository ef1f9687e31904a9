/// The digests of one key-range chunk on both sides.
public struct ChunkDigest: ContractModel {
    /// The chunk's number, unique within the table.
    public var chunkID: Int
    /// The chunk's key range.
    public var range: ChunkRange
    /// The source's digest.
    public var source: SideDigest
    /// The target's digest.
    public var target: SideDigest

    /// Creates a chunk digest.
    public init(chunkID: Int, range: ChunkRange, source: SideDigest, target: SideDigest) {
        self.chunkID = chunkID
        self.range = range
        self.source = source
        self.target = target
    }

    enum CodingKeys: String, CodingKey {
        case chunkID = "chunk_id"
        case range, source, target
    }

    /// Whether both sides hold the same rows in the same order.
    public var isMatch: Bool { source == target }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["chunk_id"].check(chunkID, atLeast: 0)
        try range.validate(at: path["range"])
        try source.validate(at: path["source"])
        try target.validate(at: path["target"])
    }
}
