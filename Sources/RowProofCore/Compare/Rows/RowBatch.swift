/// Many rows in three flat buffers (keys, row bytes, hashes), for handing rows from a reader
/// thread to the comparing thread without one allocation per row.
///
/// A batch only grows: ``removeAll()`` keeps its storage, so a batch that goes back and forth
/// between two threads stops allocating after its first round.
public struct RowBatch: Sendable {
    /// Key encodings, one after the other.
    @usableFromInline var keyBytes: [UInt8] = []
    /// Canonical row bytes, one row after the other.
    @usableFromInline var rowBytes: [UInt8] = []
    /// Per row: the end of its key in `keyBytes` and of its bytes in `rowBytes`.
    @usableFromInline var ends: [(key: Int, row: Int)] = []
    /// Per row: the row hash.
    @usableFromInline var hashes: [UInt64] = []

    /// An empty batch.
    public init() {}

    /// The number of rows.
    @inlinable
    public var count: Int { hashes.count }

    /// Whether the batch holds no row.
    @inlinable
    public var isEmpty: Bool { hashes.isEmpty }

    /// The bytes the batch's storage holds, used or not.
    public var storageBytes: Int {
        keyBytes.capacity + rowBytes.capacity + ends.capacity * MemoryLayout<(key: Int, row: Int)>.stride
            + hashes.capacity * MemoryLayout<UInt64>.stride
    }

    /// Drops every row, keeping the storage.
    @inlinable
    public mutating func removeAll() {
        keyBytes.removeAll(keepingCapacity: true)
        rowBytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
    }

    /// Appends a row given as its key encoding, canonical bytes and row hash.
    @inlinable
    public mutating func append(key: UnsafeRawBufferPointer, bytes: UnsafeRawBufferPointer, hash: UInt64) {
        keyBytes.append(contentsOf: key)
        rowBytes.append(contentsOf: bytes)
        ends.append((keyBytes.count, rowBytes.count))
        hashes.append(hash)
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
        let keyStart = index == 0 ? 0 : ends[index - 1].key
        let rowStart = index == 0 ? 0 : ends[index - 1].row
        let end = ends[index]
        keyBytes.withUnsafeBytes { keys in
            rowBytes.withUnsafeBytes { rows in
                row.overwrite(
                    key: UnsafeRawBufferPointer(rebasing: keys[keyStart..<end.key]),
                    bytes: UnsafeRawBufferPointer(rebasing: rows[rowStart..<end.row]),
                    hash: hashes[index]
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
