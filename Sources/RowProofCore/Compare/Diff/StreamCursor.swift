/// One side of the merge-join: the current row, its position, and the checks every row passes
/// on the way in (ascending key order, duplicate keys), plus the side's digest and row count.
@usableFromInline
struct StreamCursor<Stream: RowStream> {
    @usableFromInline let side: DiffSide
    /// The stream being read; handed back to the caller when the comparison ends.
    @usableFromInline var stream: Stream
    /// The row under the cursor; `nil` once the stream is exhausted.
    @usableFromInline private(set) var current: CanonicalRow?
    /// The 0-based position of ``current`` in the stream.
    @usableFromInline private(set) var currentPosition = -1
    /// Rows read so far, duplicates included.
    @usableFromInline private(set) var rowsRead = 0
    @usableFromInline private(set) var digest = ChunkDigestBuilder()

    @inlinable
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
    @inlinable
    mutating func advance() throws -> DuplicateKeyRow? {
        if let row = try stream.next() {
            let position = rowsRead
            rowsRead += 1
            digest.add(rowHash: row.hash)
            if let previous = current {
                let order = CanonicalRow.compareKeys(row.key, previous.key)
                if order < 0 {
                    throw unsorted(row: row, position: position, previous: previous, previousPosition: currentPosition)
                }
                if order == 0 {
                    return DuplicateKeyRow(
                        side: side,
                        key: row.key,
                        position: position,
                        firstPosition: currentPosition,
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

    @usableFromInline
    func unsorted(row: CanonicalRow, position: Int, previous: CanonicalRow, previousPosition: Int)
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
