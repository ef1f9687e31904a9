/// Column aggregates of the source and of the target.
public struct AggregateSides: ContractModel {
    /// The source's aggregates.
    public var source: [ColumnAggregate]
    /// The target's aggregates.
    public var target: [ColumnAggregate]

    /// Creates aggregates of both sides.
    public init(source: [ColumnAggregate] = [], target: [ColumnAggregate] = []) {
        self.source = source
        self.target = target
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try source.validateEach(at: path["source"])
        try target.validateEach(at: path["target"])
    }
}
