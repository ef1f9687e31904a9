import RowProofCore

/// Reads one binary COPY and turns each tuple into a ``CanonicalRow``.
///
/// Owned by one ``PostgresRowStream`` on one thread. Buffers (encoders, field offsets) are reused
/// for every row; the only allocations per row are the two arrays a ``CanonicalRow`` holds.
/// If the stream is dropped before the end, `deinit` cancels the COPY so the session stays usable.
final class PostgresCopyReader {
    /// One selected field: how to decode it, and whether it goes into the row.
    struct Field {
        var name: String
        var decoder: PostgresFieldDecoder
        var isInPlan: Bool
    }

    private let connection: PostgresConnection
    private let table: TableName
    private let fields: [Field]
    /// Field index of each key column, in key order.
    private let keyFields: [Int]
    private var rowEncoder: RowEncoder
    private var keyEncoder: KeyEncoder
    private var fieldStarts: [Int]
    private var fieldLengths: [Int]
    private var hasHeader = false
    private var state: State = .reading

    private enum State { case reading, finished, failed(SourceError) }

    init(connection: PostgresConnection, table: TableName, fields: [Field], keyFields: [Int]) {
        self.connection = connection
        self.table = table
        self.fields = fields
        self.keyFields = keyFields
        self.rowEncoder = RowEncoder(columnNames: fields.filter(\.isInPlan).map(\.name))
        self.keyEncoder = KeyEncoder(columnNames: keyFields.map { fields[$0].name })
        self.fieldStarts = Array(repeating: 0, count: fields.count)
        self.fieldLengths = Array(repeating: 0, count: fields.count)
    }

    deinit {
        if case .reading = state { connection.cancelCopy() }
    }

    /// The next row, or `nil` once the COPY completed; after a failure, the same error again.
    func next() throws(SourceError) -> CanonicalRow? {
        switch state {
        case .finished: return nil
        case .failed(let error): throw error
        case .reading: break
        }
        do {
            while true {
                let decoded = try connection.withNextCopyRow { (raw) throws(SourceError) -> CanonicalRow? in
                    try decodeMessage(raw)
                }
                switch decoded {
                case .none:
                    state = .finished
                    return nil
                case .some(.some(let row)):
                    return row
                case .some(.none):
                    continue  // the trailer; the end follows
                }
            }
        } catch {
            if connection.isCopying { connection.cancelCopy() }
            state = .failed(error)
            throw error
        }
    }

    /// Decodes one COPY data message: an optional header, then a tuple or the trailer (`nil`).
    @inline(__always)
    private func decodeMessage(_ raw: UnsafeRawBufferPointer) throws(SourceError) -> CanonicalRow? {
        var offset = 0
        if !hasHeader {
            offset = try headerLength(raw)
            hasHeader = true
            if offset == raw.count { return nil }
        }
        guard raw.count - offset >= 2 else { throw malformed("a tuple is truncated before its field count") }
        let count = Int(PostgresBinary.int16(raw, offset))
        if count == -1 { return nil }
        guard count == fields.count else {
            throw malformed("a tuple has \(count) fields where \(fields.count) were selected")
        }
        offset += 2
        rowEncoder.reset()
        do {
            for index in 0..<count {
                guard raw.count - offset >= 4 else { throw malformed("field \(index + 1) is truncated") }
                let length = Int(PostgresBinary.int32(raw, offset))
                offset += 4
                fieldStarts[index] = offset
                fieldLengths[index] = length
                if length < 0 {
                    if fields[index].isInPlan { rowEncoder.appendNull() }
                    continue
                }
                guard raw.count - offset >= length else { throw malformed("field \(index + 1) is truncated") }
                if fields[index].isInPlan {
                    try fields[index].decoder.append(
                        UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), to: &rowEncoder,
                        column: fields[index].name
                    )
                }
                offset += length
            }
            keyEncoder.reset()
            for index in keyFields {
                let length = fieldLengths[index]
                guard length >= 0 else {
                    throw CanonicalError(
                        .nullKey, "a key column is NULL in a row of this range; every key component must have a value",
                        column: fields[index].name
                    )
                }
                let start = fieldStarts[index]
                try fields[index].decoder.appendKey(
                    UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]), to: &keyEncoder, column: fields[index].name
                )
            }
        } catch let error as CanonicalError {
            throw SourceError(error, table: table)
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError(.data, "table \(table): \(error)")
        }
        let hash = rowEncoder.finish()
        return CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: hash)
    }

    private func headerLength(_ raw: UnsafeRawBufferPointer) throws(SourceError) -> Int {
        let signature = PostgresBinary.signature
        guard raw.count >= 19, raw.prefix(11).elementsEqual(signature) else {
            throw malformed("the stream does not start with the binary COPY signature")
        }
        let extensionLength = Int(PostgresBinary.int32(raw, 15))
        guard extensionLength >= 0, raw.count >= 19 + extensionLength else {
            throw malformed("the binary COPY header is truncated")
        }
        return 19 + extensionLength
    }

    private func malformed(_ detail: String) -> SourceError {
        SourceError(.data, "reading table \(table) from \(connection.redactedTarget): malformed binary COPY data: \(detail)")
    }
}
