public import RowProofCore

/// The rows of one Postgres key range, in key order, decoded from a binary COPY.
///
/// Returns `nil` only after the server confirmed the COPY completed; any failure throws, so a
/// partial chunk is never taken for a whole one. Dropping the stream early cancels the COPY.
/// The per-row path is a loop over the message bytes: encoders and offset buffers are reused,
/// and ``read(into:limit:)`` copies each row into a reused ``RowBatch``, so reading allocates
/// nothing per row.
public struct PostgresRowStream: RowStream {
    /// One selected field: how to decode it, and whether it goes into the row.
    struct Field {
        var name: String
        var decoder: PostgresFieldDecoder
        var isInPlan: Bool
    }

    /// How a stream's tuples are decoded: each field's decoder (in SELECT order), the field index
    /// of each plan column (in plan order), and of each key column (in key order). Two streams
    /// with equal layouts decode equal tuple bytes into equal rows.
    struct Layout: Equatable {
        var decoders: [PostgresFieldDecoder]
        var planFields: [Int]
        var keyFields: [Int]
    }

    let copy: PostgresCopyGuard
    let table: TableName
    let layout: Layout
    /// The field names, in SELECT order.
    let names: [String]
    /// For each field in SELECT order, its position among the request's fields (the plan's
    /// columns, then key columns the plan leaves out): what ``PostgresSession/scan(_:fieldOrder:)``
    /// takes to select another side in the same order.
    public let fieldOrder: [Int]
    var rowEncoder: RowEncoder
    var keyEncoder: KeyEncoder
    var hasHeader = false

    init(connection: PostgresConnection, table: TableName, plan: PostgresScanPlan) {
        self.copy = PostgresCopyGuard(connection: connection)
        self.table = table
        self.layout = Layout(
            decoders: plan.fields.map(\.decoder),
            planFields: plan.planFields,
            keyFields: plan.keyFields
        )
        self.names = plan.fields.map(\.name)
        self.fieldOrder = plan.fieldOrder
        self.rowEncoder = RowEncoder(columnNames: plan.planFields.map { plan.fields[$0].name })
        self.keyEncoder = KeyEncoder(columnNames: plan.keyFields.map { plan.fields[$0].name })
    }

    /// The next row, or `nil` after the last one; after a failure, the same error again.
    ///
    /// - Throws: ``SourceError`` (``SourceError/Kind/interrupted`` for a lost connection,
    ///   ``SourceError/Kind/data`` for a value with no canonical form, naming its column).
    public mutating func next() throws(SourceError) -> CanonicalRow? {
        var row: CanonicalRow?
        _ = try readTuples(limit: 1) { key, bytes, hash in
            row = CanonicalRow(key: Array(key), bytes: Array(bytes), hash: hash)
        }
        return row
    }

    /// Overwrites `row` with the next row, reusing its storage; see ``next()``.
    public mutating func next(into row: inout CanonicalRow) throws(SourceError) -> Bool {
        try readTuples(limit: 1) { key, bytes, hash in row.overwrite(key: key, bytes: bytes, hash: hash) } == 1
    }

    /// Appends up to `limit` rows to `batch` straight from the encoders; see ``next()``.
    public mutating func read(into batch: inout RowBatch, limit: Int) throws(SourceError) -> Int {
        try readTuples(limit: limit) { key, bytes, hash in batch.append(key: key, bytes: bytes, hash: hash) }
    }

    /// Decodes up to `limit` tuples, handing each one's key encoding, canonical bytes and row
    /// hash to `take`; returns how many (fewer than `limit` only at the end). After a failure,
    /// throws the same error again.
    ///
    /// The column layout and the connection are bound once per call, not once per row, so the
    /// per-row loop does no reference counting.
    @inline(__always)
    private mutating func readTuples(
        limit: Int,
        _ take: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UInt64) -> Void
    ) throws(SourceError) -> Int {
        try checkReadable()
        if copy.isDone { return 0 }
        let connection = copy.connection
        let layout = self.layout
        var count = 0
        do {
            while count < limit {
                guard let message = try nextTupleMessage(from: connection) else { return count }
                let hash = try decode(message, layout: layout)
                keyEncoder.withBytes { key in rowEncoder.withBytes { bytes in take(key, bytes, hash) } }
                count += 1
            }
            return count
        } catch {
            throw fail(error)
        }
    }

    /// Whether the COPY was read to its end without an error.
    var isComplete: Bool { copy.isDone && copy.failure == nil }

    /// Throws the error the stream failed with, if it did.
    @inline(__always)
    func checkReadable() throws(SourceError) {
        if let failure = copy.failure { throw failure }
    }

    /// The next message holding a tuple, undecoded, with its tuple located (past the header in
    /// the first); `nil` once the COPY completed (past the trailer). `connection` is the stream's own.
    @inline(__always)
    mutating func nextTupleMessage(from connection: PostgresConnection) throws(SourceError) -> PostgresCopyMessage? {
        while true {
            guard var message = try connection.nextCopyMessage() else {
                copy.isDone = true
                return nil
            }
            let offset = try tupleOffset(message.bytes)
            if offset == message.bytes.count || isTrailer(message.bytes, at: offset) { continue }
            message.tupleStart = offset
            return message
        }
    }

    /// Decodes the tuple of `message` into the encoders, with this stream's `layout` (passed in,
    /// so a caller holding it apart from the stream lends it without a retain); returns its row hash.
    @inline(__always)
    mutating func decode(
        _ message: borrowing PostgresCopyMessage,
        layout: borrowing Layout
    ) throws(SourceError) -> UInt64 {
        try decodeTuple(
            message.bytes,
            at: message.tupleStart,
            decoders: layout.decoders,
            planFields: layout.planFields,
            keyFields: layout.keyFields
        )
    }

    /// Overwrites `row` with the key and bytes the encoders hold.
    @inline(__always)
    func copyEncoded(into row: inout CanonicalRow, hash: UInt64) {
        keyEncoder.withBytes { key in
            rowEncoder.withBytes { bytes in row.overwrite(key: key, bytes: bytes, hash: hash) }
        }
    }

    /// Stops the COPY after `error` (so the connection stays usable) and keeps the error for
    /// every later read; returns it.
    mutating func fail(_ error: SourceError) -> SourceError {
        let connection = copy.connection
        if connection.isCopying { connection.cancelCopy() }
        copy.isDone = true
        copy.failure = error
        return error
    }

    /// Where the tuple of a message starts: past the binary COPY header in the stream's first.
    @inline(__always)
    private mutating func tupleOffset(_ raw: UnsafeRawBufferPointer) throws(SourceError) -> Int {
        guard !hasHeader else { return 0 }
        let offset = try headerLength(raw)
        hasHeader = true
        return offset
    }

    /// Whether the message holds the trailer (a field count of −1) at `offset`.
    @inline(__always)
    private func isTrailer(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        raw.count - offset >= 2 && PostgresBinary.int16(raw, offset) == -1
    }

    /// Decodes the tuple at `offset` into the encoders; returns its row hash.
    ///
    /// One pass finds each field's bytes; the plan's values are then encoded in plan order, and
    /// the key's in key order.
    @inline(__always)
    private mutating func decodeTuple(
        _ raw: UnsafeRawBufferPointer,
        at start: Int,
        decoders: [PostgresFieldDecoder],
        planFields: [Int],
        keyFields: [Int]
    ) throws(SourceError) -> UInt64 {
        var offset = start
        guard raw.count - offset >= 2 else { throw malformed("a tuple is truncated before its field count") }
        let count = Int(PostgresBinary.int16(raw, offset))
        guard count == decoders.count else {
            throw malformed("a tuple has \(count) fields where \(decoders.count) were selected")
        }
        offset += 2
        var index = 0
        // Field offsets live on the stack: no array uniqueness checks on the per-row path.
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { (spans) throws(SourceError) -> Void in
            while index < count {
                guard raw.count - offset >= 4 else { throw malformed("field \(index + 1) is truncated") }
                let length = Int(PostgresBinary.int32(raw, offset))
                offset += 4
                spans[2 * index] = offset
                spans[2 * index + 1] = length
                if length > 0 {
                    guard raw.count - offset >= length else { throw malformed("field \(index + 1) is truncated") }
                    offset += length
                }
                index += 1
            }
            rowEncoder.reset()
            keyEncoder.reset()
            do {
                // One ownership check of the row buffer per row, not one per value.
                try rowEncoder.withRowWriter { (writer) throws(any Error) -> Void in
                    for field in planFields {
                        index = field
                        let start = spans[2 * field]
                        let length = spans[2 * field + 1]
                        if length < 0 {
                            writer.appendNull()
                        } else {
                            try decoders[field].append(
                                UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]),
                                to: &writer
                            )
                        }
                    }
                }
                for key in keyFields {
                    index = key
                    let start = spans[2 * key]
                    let length = spans[2 * key + 1]
                    guard length >= 0 else {
                        throw CanonicalError(
                            .nullKey,
                            "a key column is NULL in a row of this range; every key component must have a value"
                        )
                    }
                    try decoders[key].appendKey(
                        UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]),
                        to: &keyEncoder
                    )
                }
            } catch let error as CanonicalError {
                throw SourceError(error.inColumn(names[index]), table: table)
            } catch let error as SourceError {
                throw error
            } catch {
                throw SourceError(.data, "table \(table) column \"\(names[index])\": \(error)")
            }
        }
        return rowEncoder.finish()
    }

    private func headerLength(_ raw: UnsafeRawBufferPointer) throws(SourceError) -> Int {
        guard raw.count >= 19, raw.prefix(11).elementsEqual(PostgresBinary.signature) else {
            throw malformed("the stream does not start with the binary COPY signature")
        }
        let extensionLength = Int(PostgresBinary.int32(raw, 15))
        guard extensionLength >= 0, raw.count >= 19 + extensionLength else {
            throw malformed("the binary COPY header is truncated")
        }
        return 19 + extensionLength
    }

    private func malformed(_ detail: String) -> SourceError {
        SourceError(
            .data,
            "reading table \(table) from \(copy.connection.redactedTarget): malformed binary COPY data: \(detail)"
        )
    }
}
