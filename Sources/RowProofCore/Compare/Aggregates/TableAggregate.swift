/// The ``ColumnAggregate`` of every column of a column plan, built row by row from canonical
/// row bytes and mergeable across chunks.
public struct TableAggregate: Sendable, Equatable, Codable {
    /// The column plan's names, in row order.
    public let columnNames: [String]
    /// One aggregate per column, in plan order.
    public private(set) var columns: [ColumnAggregate]
    /// Rows added.
    public private(set) var rows = 0

    /// An empty aggregate for `columnNames`.
    public init(columnNames: [String]) {
        self.columnNames = columnNames
        self.columns = Array(repeating: ColumnAggregate(), count: columnNames.count)
    }

    /// The aggregate of the column named `name`, or `nil` if the plan has no such column.
    public func column(named name: String) -> ColumnAggregate? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }

    /// Adds one row's canonical bytes.
    ///
    /// - Throws: ``CompareError`` when the bytes are malformed or hold a different number of
    ///   columns than the plan; ``CanonicalError`` (naming the column) for a bad payload. A row
    ///   that throws may have been partly added.
    public mutating func add(_ row: CanonicalRow) throws {
        try row.bytes.withUnsafeBytes { try add(rowBytes: $0) }
    }

    /// Adds one row given as canonical row bytes; see ``add(_:)``.
    ///
    /// One loop over the value headers, each value going straight to its column's aggregate;
    /// malformed bytes and bad payloads are reported out of line.
    public mutating func add(rowBytes: UnsafeRawBufferPointer) throws {
        let expected = columns.count
        var index = 0
        var offset = 0
        let total = rowBytes.count
        try columns.withUnsafeMutableBufferPointer { aggregates in
            while offset < total {
                guard total - offset >= 5 else { throw try Self.malformed(rowBytes) }
                let tag = rowBytes[offset]
                let length = Int(rowBytes.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self).bigEndian)
                let start = offset + 5
                guard length <= total - start else { throw try Self.malformed(rowBytes) }
                if index < expected {
                    let payload = UnsafeRawBufferPointer(rebasing: rowBytes[start..<(start + length)])
                    do {
                        try aggregates[index].add(tag: tag, payload: payload)
                    } catch let error as CanonicalError {
                        throw error.inColumn(columnNames[index])
                    }
                }
                offset = start + length
                index += 1
            }
        }
        guard index == expected else { throw columnCountMismatch(found: index) }
        rows += 1
    }

    /// The error ``CanonicalRow/forEachColumn(in:_:)`` reports for malformed row bytes.
    @inline(never)
    private static func malformed(_ rowBytes: UnsafeRawBufferPointer) throws -> any Error {
        _ = try CanonicalRow.forEachColumn(in: rowBytes) { _, _, _, _ in }
        return CompareError(.malformedRow, "row bytes are malformed")
    }

    @inline(never)
    private func columnCountMismatch(found: Int) -> CompareError {
        let expected = columns.count
        return CompareError(
            .columnCountMismatch,
            "a row with \(found) columns was added to an aggregate of \(expected) columns "
                + "(\(columnNames.joined(separator: ", "))); rows must be serialized with the aggregate's column plan"
        )
    }

    /// Adds the aggregate of another chunk of the same table.
    ///
    /// - Throws: ``CompareError/Code-swift.struct/invalidAggregate`` when the column plans differ.
    public mutating func merge(_ other: TableAggregate) throws {
        guard other.columnNames == columnNames else {
            throw CompareError(
                .invalidAggregate,
                "cannot merge aggregates of different column plans: (\(columnNames.joined(separator: ", "))) and "
                    + "(\(other.columnNames.joined(separator: ", "))); merge only chunks of the same table and plan"
            )
        }
        for index in columns.indices { columns[index].merge(other.columns[index]) }
        rows += other.rows
    }
}
