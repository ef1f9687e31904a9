public import RowProofCore

/// The rows of one Postgres key range, in key order, decoded from a binary COPY.
///
/// Returns `nil` only after the server confirmed the COPY completed; any failure throws, so a
/// partial chunk is never taken for a whole one. Dropping the stream early cancels the COPY.
public struct PostgresRowStream: RowStream {
    let reader: PostgresCopyReader

    /// The next row, or `nil` after the last one.
    ///
    /// - Throws: ``SourceError`` (``SourceError/Kind/interrupted`` for a lost connection,
    ///   ``SourceError/Kind/data`` for a value with no canonical form, naming its column).
    public mutating func next() throws(SourceError) -> CanonicalRow? {
        try reader.next()
    }
}
