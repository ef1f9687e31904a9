/// A source of rows in ascending key order, pulled one at a time.
///
/// The differ reads each stream exactly once, front to back, and never holds more than the
/// current row of each side, so a stream may be arbitrarily long.
public protocol RowStream {
    /// Returns the next row, or `nil` once the stream is exhausted.
    ///
    /// - Throws: Whatever the underlying reader throws; the differ passes it on unchanged.
    mutating func next() throws -> CanonicalRow?
}
