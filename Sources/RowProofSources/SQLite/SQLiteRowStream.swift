public import RowProofCore

/// The rows of one SQLite key range, in key order (`BINARY` collation, memcmp).
public struct SQLiteRowStream: RowStream {
    let statement: SQLiteStatement
    let table: TableName
    let fields: [(name: String, decoder: SQLiteValueDecoder)]
    let planCount: Int
    let keyFields: [Int]
    var rowEncoder: RowEncoder
    var keyEncoder: KeyEncoder
    var isFinished = false

    /// The next row, or `nil` after the last one.
    ///
    /// - Throws: ``SourceError`` naming the table and column of a value with no canonical form.
    public mutating func next() throws(SourceError) -> CanonicalRow? {
        guard !isFinished else { return nil }
        guard try statement.step() else {
            isFinished = true
            return nil
        }
        rowEncoder.reset()
        keyEncoder.reset()
        var current = 0
        do {
            for index in 0..<planCount {
                current = index
                try fields[index].decoder.append(statement, index, to: &rowEncoder, column: fields[index].name)
            }
            for index in keyFields {
                current = index
                try fields[index].decoder.appendKey(statement, index, to: &keyEncoder, column: fields[index].name)
            }
        } catch {
            // Not every decoder error names its column (a date, time or timestamp that does not parse).
            throw SourceError(error.inColumn(fields[current].name), table: table)
        }
        let hash = rowEncoder.finish()
        return CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: hash)
    }
}
