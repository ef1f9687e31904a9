/// A floating-point sum with Neumaier compensation, so adding many values of mixed magnitude
/// loses (almost) nothing to rounding.
///
/// NaN and infinities are tracked apart and never enter the compensated total: ``value`` is
/// NaN if any NaN or both infinities were added, otherwise the infinity, otherwise the sum.
public struct CompensatedSum: Sendable, Hashable, Codable {
    /// The running total of the finite values.
    public private(set) var sum: Double = 0
    /// The rounding error the running total has lost so far.
    public private(set) var compensation: Double = 0
    /// Whether a NaN was added.
    public private(set) var hasNaN = false
    /// Whether +Infinity was added.
    public private(set) var hasPositiveInfinity = false
    /// Whether -Infinity was added.
    public private(set) var hasNegativeInfinity = false

    /// An empty sum (zero).
    public init() {}

    /// Adds one value.
    public mutating func add(_ value: Double) {
        guard value.isFinite else {
            if value.isNaN {
                hasNaN = true
            } else if value > 0 {
                hasPositiveInfinity = true
            } else {
                hasNegativeInfinity = true
            }
            return
        }
        let next = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - next) + value
        } else {
            compensation += (value - next) + sum
        }
        sum = next
    }

    /// Adds another sum (of another chunk of the same column).
    public mutating func merge(_ other: CompensatedSum) {
        add(other.sum)
        add(other.compensation)
        hasNaN = hasNaN || other.hasNaN
        hasPositiveInfinity = hasPositiveInfinity || other.hasPositiveInfinity
        hasNegativeInfinity = hasNegativeInfinity || other.hasNegativeInfinity
    }

    /// The compensated total.
    public var value: Double {
        if hasNaN || (hasPositiveInfinity && hasNegativeInfinity) { return .nan }
        if hasPositiveInfinity { return .infinity }
        if hasNegativeInfinity { return -.infinity }
        return sum + compensation
    }
}
