/// A source of rows in ascending key order, pulled one at a time.
///
/// The differ reads each stream exactly once, front to back, and never holds more than the
/// current row of each side, so a stream may be arbitrarily long.
///
/// Only ``next()`` must be written; the two other ways to read have default implementations
/// built on it. Readers on a hot path implement them too, so rows move without one allocation
/// per row.
public protocol RowStream {
    /// Returns the next row, or `nil` once the stream is exhausted.
    ///
    /// - Throws: Whatever the underlying reader throws; the differ passes it on unchanged.
    mutating func next() throws -> CanonicalRow?

    /// Overwrites `row` with the next row, reusing its storage; `false` once the stream is
    /// exhausted (`row` is then unspecified).
    ///
    /// - Throws: As ``next()``.
    mutating func next(into row: inout CanonicalRow) throws -> Bool

    /// Appends up to `limit` rows to `batch`.
    ///
    /// - Returns: The number of rows appended; 0 only once the stream is exhausted.
    /// - Throws: As ``next()``; the rows appended before the error are not the whole stream.
    mutating func read(into batch: inout RowBatch, limit: Int) throws -> Int
}

extension RowStream {
    @inlinable
    public mutating func next(into row: inout CanonicalRow) throws -> Bool {
        guard let next = try next() else { return false }
        row = next
        return true
    }

    @inlinable
    public mutating func read(into batch: inout RowBatch, limit: Int) throws -> Int {
        var appended = 0
        while appended < limit, let row = try next() {
            batch.append(row)
            appended += 1
        }
        return appended
    }
}
