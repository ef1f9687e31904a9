/// Aggregates of one column on one side.
public struct ColumnAggregate: ContractModel {
    /// The column.
    public var column: String
    /// Rows counted.
    public var count: Int
    /// NULL values among them.
    public var nulls: Int
    /// The smallest value, in its canonical text form (or as a JSON scalar).
    public var min: JSONValue?
    /// The largest value.
    public var max: JSONValue?
    /// The exact sum as a decimal string, for numeric columns.
    public var sum: String?

    /// Creates aggregates.
    public init(
        column: String,
        count: Int,
        nulls: Int,
        min: JSONValue? = nil,
        max: JSONValue? = nil,
        sum: String? = nil
    ) {
        self.column = column
        self.count = count
        self.nulls = nulls
        self.min = min
        self.max = max
        self.sum = sum
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["column"].checkNotEmpty(column)
        try path["count"].check(count, atLeast: 0)
        try path["nulls"].check(nulls, in: 0...Swift.max(count, 0))
        for (key, value) in [("min", min), ("max", max)] {
            if let value, !value.isScalar {
                throw path[key].fail("expected a string, number, boolean or null (got \(value.kindDescription))")
            }
        }
        if let sum {
            try path["sum"].check(
                sum,
                matches: ContractPattern("^-?[0-9]+(\\.[0-9]+)?$", meaning: "a decimal number such as -12.5")
            )
        }
    }
}
