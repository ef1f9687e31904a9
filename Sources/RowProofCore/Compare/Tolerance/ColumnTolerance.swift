/// How far a numeric value may drift between source and target and still count as equal.
///
/// A difference is within tolerance when it is at most `absolute`, or at most `relative` times
/// the larger magnitude of the two values; either bound is enough. With neither set, values
/// must be identical. Applies to decimals, floats and timestamps (absolute only, in seconds);
/// other types, NULLs and special values (NaN, infinities) must always match exactly.
public struct ColumnTolerance: Sendable, Hashable, Codable {
    /// The largest allowed absolute difference (for timestamps: in seconds).
    public var absolute: Double?
    /// The largest allowed difference as a fraction of the larger magnitude (0.01 is 1%).
    public var relative: Double?

    /// Creates a tolerance; pass neither bound for exact comparison.
    public init(absolute: Double? = nil, relative: Double? = nil) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Values must be identical.
    public static let exact = ColumnTolerance()

    /// Whether neither bound is set.
    public var isExact: Bool { absolute == nil && relative == nil }

    /// Checks both bounds are finite and not negative.
    ///
    /// - Parameter column: The column pattern the tolerance belongs to, named in the error.
    /// - Throws: ``CompareError/Code-swift.struct/invalidConfiguration``.
    public func validate(column: String) throws {
        for (name, bound) in [("absolute", absolute), ("relative", relative)] {
            if let bound, !(bound.isFinite && bound >= 0) {
                throw CompareError(
                    .invalidConfiguration,
                    "tolerance for column \"\(column)\": \(name) is \(bound); use a finite number >= 0, or omit it"
                )
            }
        }
    }
}
