/// How far a numeric column may drift: within tolerance when `|s - t| <= absolute` or
/// `|s - t| <= relative * max(|s|, |t|)`.
public struct ColumnTolerance: ContractModel {
    /// The column name or glob (`*`, `?`).
    public var column: String
    /// The largest absolute difference accepted.
    public var absolute: Double?
    /// The largest relative difference accepted (0 ... 1).
    public var relative: Double?

    /// Creates a column tolerance; give at least one of `absolute` and `relative`.
    public init(column: String, absolute: Double? = nil, relative: Double? = nil) {
        self.column = column
        self.absolute = absolute
        self.relative = relative
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["column"].checkNotEmpty(column)
        guard absolute != nil || relative != nil else {
            throw path.fail("a column tolerance needs absolute, relative or both")
        }
        if let absolute { try path["absolute"].check(absolute, atLeast: 0) }
        if let relative { try path["relative"].check(relative, in: 0...1) }
    }
}
