/// How far the two row counts may differ: at most `absolute` rows, or at most `relative` times
/// the larger count; either bound is enough. With neither set, the counts must be equal.
public struct CountTolerance: Sendable, Hashable, Codable {
    /// The largest allowed difference in rows.
    public var absolute: Int?
    /// The largest allowed difference as a fraction of the larger count (0.001 is 0.1%).
    public var relative: Double?

    /// Creates a count tolerance; pass neither bound to require equal counts.
    public init(absolute: Int? = nil, relative: Double? = nil) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Counts must be equal.
    public static let exact = CountTolerance()
}
