public import RowProofCore

/// Builds ranges that tile the key space from ascending boundaries.
public enum KeyRangeTiling {
    /// `[-∞, b1), [b1, b2), …, [bn, +∞)`; a single `.all` range without boundaries.
    ///
    /// - Parameter boundaries: Strictly ascending in key order.
    public static func ranges(between boundaries: [[CanonicalValue]]) -> [KeyRange] {
        guard !boundaries.isEmpty else { return [.all] }
        var ranges: [KeyRange] = []
        ranges.reserveCapacity(boundaries.count + 1)
        var lower: [CanonicalValue]? = nil
        for boundary in boundaries {
            ranges.append(KeyRange(lower: lower, upper: boundary))
            lower = boundary
        }
        ranges.append(KeyRange(lower: lower, upper: nil))
        return ranges
    }
}
