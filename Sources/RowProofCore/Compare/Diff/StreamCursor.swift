/// One side of the merge-join: the current row, its position, and the checks every row passes
/// on the way in (ascending key order, duplicate keys), plus the side's digest and row count.
@usableFromInline
struct StreamCursor<Stream: RowStream> {
    @usableFromInline let side: DiffSide
    /// The stream being read; handed back to the caller when the comparison ends.
    @usableFromInline var stream: Stream
    /// The row under the cursor while ``hasCurrent``; read in place, never copied per row.
    @usableFromInline private(set) var row = CanonicalRow(key: [], bytes: [], hash: 0)
    /// Whether a row is under the cursor; `false` once the stream is exhausted.
    @usableFromInline private(set) var hasCurrent = false
    /// The row being read: the stream refills it, and it becomes ``row`` by a swap, so the two
    /// rows' storage is reused from one step to the next.
    @usableFromInline var incoming = CanonicalRow(key: [], bytes: [], hash: 0)
    /// The 0-based position of ``row`` in the stream.
    @usableFromInline private(set) var currentPosition = -1
    /// Rows read so far, duplicates included.
    @usableFromInline private(set) var rowsRead = 0
    @usableFromInline private(set) var digest = ChunkDigestBuilder()

    @inlinable
    init(side: DiffSide, stream: Stream) {
        self.side = side
        self.stream = stream
    }

    /// Reads the next row. A row with a greater key becomes ``row`` and `nil` is returned; a
    /// row with the current key is returned as a duplicate and ``row`` stays, so callers loop
    /// until `nil`. At the end of the stream ``hasCurrent`` becomes `false`.
    ///
    /// - Throws: ``CompareError/Code-swift.struct/unsortedInput`` for a key smaller than the
    ///   current one; errors from the stream.
    @inlinable
    mutating func advance() throws -> DuplicateKeyRow? {
        guard try stream.next(into: &incoming) else {
            hasCurrent = false
            return nil
        }
        let position = rowsRead
        rowsRead += 1
        digest.add(rowHash: incoming.hash)
        if hasCurrent {
            let order = CanonicalRow.compareKeys(incoming.key, row.key)
            if order < 0 {
                throw unsorted(row: incoming, position: position, previous: row, previousPosition: currentPosition)
            }
            if order == 0 {
                return DuplicateKeyRow(
                    side: side,
                    key: incoming.key,
                    position: position,
                    firstPosition: currentPosition,
                    hash: incoming.hash
                )
            }
        }
        swap(&row, &incoming)
        hasCurrent = true
        currentPosition = position
        return nil
    }

    @usableFromInline
    func unsorted(
        row: CanonicalRow,
        position: Int,
        previous: CanonicalRow,
        previousPosition: Int
    )
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
