/// Many rows in three flat buffers (keys, row bytes, and per row where they end and its hash),
/// for handing rows from a reader thread to the comparing thread without one allocation per row.
///
/// A batch only grows: ``removeAll()`` keeps its storage, so a batch that goes back and forth
/// between two threads stops allocating after its first round.
public struct RowBatch: Sendable {
    /// Key encodings, one after the other.
    @usableFromInline var keyBytes: [UInt8] = []
    /// Canonical row bytes, one row after the other.
    @usableFromInline var rowBytes: [UInt8] = []
    /// Per row: the end of its key in `keyBytes` and of its bytes in `rowBytes`, and its hash
    /// (one array, so appending a row checks one buffer fewer).
    @usableFromInline var entries: [Entry] = []

    /// Where one row ends in the byte buffers, and its hash.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline let keyEnd: Int
        @usableFromInline let rowEnd: Int
        @usableFromInline let hash: UInt64

        @inlinable
        init(keyEnd: Int, rowEnd: Int, hash: UInt64) {
            self.keyEnd = keyEnd
            self.rowEnd = rowEnd
            self.hash = hash
        }
    }

    /// An empty batch.
    public init() {}

    /// The number of rows.
    @inlinable
    public var count: Int { entries.count }

    /// Whether the batch holds no row.
    @inlinable
    public var isEmpty: Bool { entries.isEmpty }

    /// The bytes the batch's storage holds, used or not.
    public var storageBytes: Int {
        keyBytes.capacity + rowBytes.capacity + entries.capacity * MemoryLayout<Entry>.stride
    }

    /// Drops every row, keeping the storage.
    @inlinable
    public mutating func removeAll() {
        keyBytes.removeAll(keepingCapacity: true)
        rowBytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Appends a row given as its key encoding, canonical bytes and row hash.
    @inlinable
    public mutating func append(key: UnsafeRawBufferPointer, bytes: UnsafeRawBufferPointer, hash: UInt64) {
        keyBytes.append(contentsOf: key)
        rowBytes.append(contentsOf: bytes)
        entries.append(Entry(keyEnd: keyBytes.count, rowEnd: rowBytes.count, hash: hash))
    }

    /// Appends `row`.
    @inlinable
    public mutating func append(_ row: CanonicalRow) {
        row.key.withUnsafeBytes { key in
            row.bytes.withUnsafeBytes { bytes in append(key: key, bytes: bytes, hash: row.hash) }
        }
    }

    /// Overwrites `row` with the row at `index`, reusing `row`'s storage.
    @inlinable
    public func copyRow(at index: Int, into row: inout CanonicalRow) {
        let keyStart = index == 0 ? 0 : entries[index - 1].keyEnd
        let rowStart = index == 0 ? 0 : entries[index - 1].rowEnd
        let end = entries[index]
        keyBytes.withUnsafeBytes { keys in
            rowBytes.withUnsafeBytes { rows in
                row.overwrite(
                    key: UnsafeRawBufferPointer(rebasing: keys[keyStart..<end.keyEnd]),
                    bytes: UnsafeRawBufferPointer(rebasing: rows[rowStart..<end.rowEnd]),
                    hash: end.hash
                )
            }
        }
    }

    /// The row at `index`, as a row of its own.
    public func row(at index: Int) -> CanonicalRow {
        var row = CanonicalRow(key: [], bytes: [], hash: 0)
        copyRow(at: index, into: &row)
        return row
    }
}
