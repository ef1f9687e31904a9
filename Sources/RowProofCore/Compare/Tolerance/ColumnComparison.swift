/// The outcome of comparing two differing values of one column against its tolerance.
public struct ColumnComparison: Sendable, Hashable {
    /// `|source - target|` when both values are numeric and finite (timestamps: in seconds);
    /// `nil` when the values cannot be subtracted (text, NULL vs value, NaN, infinities, ...).
    public var absoluteDifference: Double?
    /// Whether the difference is within the column's tolerance.
    public var isWithinTolerance: Bool

    /// Creates an outcome.
    public init(absoluteDifference: Double?, isWithinTolerance: Bool) {
        self.absoluteDifference = absoluteDifference
        self.isWithinTolerance = isWithinTolerance
    }
}
