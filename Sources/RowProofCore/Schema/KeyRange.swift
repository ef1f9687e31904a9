/// A half-open range of keys: `lower` (inclusive) up to `upper` (exclusive), in key order.
///
/// Each bound holds one value per key column, in key-column order, compared lexicographically
/// as the key encoding does (text by its bytes, as `COLLATE "C"`). A `nil` bound is open, so
/// ``all`` covers every key. Planned ranges tile a table: the first is open below, the last open
/// above, and each one's `upper` is the next one's `lower`, so there are no gaps and no overlaps.
///
/// `Codable` with readable values: `{"lower":[{"type":"decimal","value":"42"}],"upper":null}`.
public struct KeyRange: Sendable, Hashable {
    /// The smallest key in the range, or `nil` for no lower bound.
    public var lower: [CanonicalValue]?
    /// The first key after the range, or `nil` for no upper bound.
    public var upper: [CanonicalValue]?

    /// Creates a range; `nil` bounds are open.
    public init(lower: [CanonicalValue]? = nil, upper: [CanonicalValue]? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// Every key.
    public static let all = KeyRange()

    /// Whether the range has no bounds at all.
    public var isUnbounded: Bool { lower == nil && upper == nil }
}

extension KeyRange: CustomStringConvertible {
    /// `[(1) .. (500))`, with `-∞`/`+∞` for open bounds.
    public var description: String {
        func text(_ bound: [CanonicalValue]?, open: String) -> String {
            guard let bound else { return open }
            return "(" + bound.map(KeyRange.boundText).joined(separator: ", ") + ")"
        }
        return "[\(text(lower, open: "-∞")) .. \(text(upper, open: "+∞")))"
    }
}
