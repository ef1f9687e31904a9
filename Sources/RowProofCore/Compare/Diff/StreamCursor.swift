/// One side of the merge-join: the current row, its position, and the checks every row passes
/// on the way in (ascending key order, duplicate keys), plus the side's digest and row count.
struct StreamCursor<Stream: RowStream> {
    let side: DiffSide
    /// The stream being read; handed back to the caller when the comparison ends.
    var stream: Stream
    /// The row under the cursor; `nil` once the stream is exhausted.
    private(set) var current: CanonicalRow?
    /// The 0-based position of ``current`` in the stream.
    private(set) var currentPosition = -1
    /// Rows read so far, duplicates included.
    private(set) var rowsRead = 0
    private(set) var digest = ChunkDigestBuilder()

    init(side: DiffSide, stream: Stream) {
        self.side = side
        self.stream = stream
    }

    /// Reads the next row. A row with a greater key becomes ``current`` and `nil` is returned; a
    /// row with the current key is returned as a duplicate and ``current`` stays, so callers loop
    /// until `nil`. At the end of the stream ``current`` becomes `nil`.
    ///
    /// - Throws: ``CompareError/Code-swift.struct/unsortedInput`` for a key smaller than the
    ///   current one; errors from the stream.
    mutating func advance() throws -> DuplicateKeyRow? {
        let previous = current
        let previousPosition = currentPosition
        if let row = try stream.next() {
            let position = rowsRead
            rowsRead += 1
            digest.add(row.hash)
            if let previous {
                let order = CanonicalRow.compareKeys(row.key, previous.key)
                if order < 0 {
                    throw unsorted(row: row, position: position, previous: previous, previousPosition: previousPosition)
                }
                if order == 0 {
                    return DuplicateKeyRow(
                        side: side,
                        key: row.key,
                        position: position,
                        firstPosition: previousPosition,
                        hash: row.hash
                    )
                }
            }
            current = row
            currentPosition = position
            return nil
        }
        current = nil
        return nil
    }

    private func unsorted(row: CanonicalRow, position: Int, previous: CanonicalRow, previousPosition: Int)
        -> CompareError
    {
        CompareError(
            .unsortedInput,
            "\(side) stream is not in ascending key order: the row at position \(position) has key "
                + "\(CanonicalRow.describeKeyForError(row.key)), which sorts before key "
                + "\(CanonicalRow.describeKeyForError(previous.key)) of the row at position \(previousPosition); "
                + "both streams must be sorted by the key encoding (in SQL: ORDER BY the key columns with "
                + "COLLATE \"C\"); no result was produced",
            side: side,
            position: position
        )
    }
}
