/// A ``RowStream`` over rows already in memory, for tests and small inputs.
public struct ArrayRowStream: RowStream, Sendable {
    private let rows: [CanonicalRow]
    private var index = 0

    /// Creates a stream that yields `rows` in the given order (it does not sort them).
    public init(_ rows: [CanonicalRow]) {
        self.rows = rows
    }

    /// Returns the next row, or `nil` after the last one.
    public mutating func next() -> CanonicalRow? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }
}
