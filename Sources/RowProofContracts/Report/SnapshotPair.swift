/// The consistent snapshot each side was read at.
public struct SnapshotPair: ContractModel {
    /// The source's snapshot.
    public var source: SnapshotInfo?
    /// The target's snapshot.
    public var target: SnapshotInfo?

    /// Creates a snapshot pair.
    public init(source: SnapshotInfo? = nil, target: SnapshotInfo? = nil) {
        self.source = source
        self.target = target
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try source.validateIfPresent(at: path["source"])
        try target.validateIfPresent(at: path["target"])
    }
}
