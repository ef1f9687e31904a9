/// Many rows handed from a reader thread to the comparing thread at once.
///
/// A batch keeps one row slot per row it ever held, and ``removeAll()`` keeps the slots and their
/// storage. The reader writes each row into a slot's storage (``append(key:bytes:hash:)``), and
/// the consumer takes it with ``moveRow(at:into:)``, which swaps the slot with the consumer's own
/// row instead of copying bytes: the consumer's previous row then travels back to the reader in
/// the slot, to be overwritten there. So once the batches of a pipe have gone round, reading
/// allocates and copies nothing per row beyond the reader's one write.
public struct RowBatch: Sendable {
    /// The row slots; the first `used` hold the batch's rows, the rest only storage.
    @usableFromInline var slots: [CanonicalRow] = []
    /// How many slots hold rows of the batch.
    @usableFromInline var used = 0
    /// The key and row bytes of the rows appended since the batch was last emptied.
    @usableFromInline var appendedBytes = 0
    /// The most key and row bytes the batch held at once: what its slots' storage is sized for.
    @usableFromInline var peakBytes = 0

    /// An empty batch.
    public init() {}

    /// The number of rows.
    @inlinable
    public var count: Int { used }

    /// The key and row bytes of the batch's rows.
    @inlinable
    public var byteCount: Int { appendedBytes }

    /// Whether the batch holds no row.
    @inlinable
    public var isEmpty: Bool { used == 0 }

    /// About the bytes the batch's storage holds, used or not: its slots, and the most key and
    /// row bytes it held at once. Constant time (a batch has thousands of slots, and rows swapped
    /// in by ``moveRow(at:into:)`` bring storage of their own, so an exact count would walk them all).
    public var storageBytes: Int {
        slots.capacity * MemoryLayout<CanonicalRow>.stride + max(peakBytes, appendedBytes)
    }

    /// Whether the batch has row slots (and so storage) to reuse.
    @inlinable
    public var hasStorage: Bool { !slots.isEmpty }

    /// Drops every row, keeping the slots and their storage.
    @inlinable
    public mutating func removeAll() {
        peakBytes = max(peakBytes, appendedBytes)
        used = 0
        appendedBytes = 0
    }

    /// Appends a row given as its key encoding, canonical bytes and row hash, written into the
    /// next slot's storage.
    @inlinable
    public mutating func append(key: UnsafeRawBufferPointer, bytes: UnsafeRawBufferPointer, hash: UInt64) {
        if used < slots.count {
            slots[used].overwrite(key: key, bytes: bytes, hash: hash)
        } else {
            slots.append(CanonicalRow(key: Array(key), bytes: Array(bytes), hash: hash))
        }
        used += 1
        appendedBytes += key.count + bytes.count
    }

    /// Appends a copy of `row`.
    @inlinable
    public mutating func append(_ row: CanonicalRow) {
        row.key.withUnsafeBytes { key in
            row.bytes.withUnsafeBytes { bytes in append(key: key, bytes: bytes, hash: row.hash) }
        }
    }

    /// Hands the row at `index` over to `row` by swapping storage; the slot takes `row`'s
    /// previous contents, so the row at `index` must not be read from the batch again.
    @inlinable
    public mutating func moveRow(at index: Int, into row: inout CanonicalRow) {
        precondition(index >= 0 && index < used, "RowBatch: row \(index) of \(used)")
        swap(&row, &slots[index])
    }

    /// The row at `index`, as a row of its own.
    public func row(at index: Int) -> CanonicalRow {
        precondition(index >= 0 && index < used, "RowBatch: row \(index) of \(used)")
        return slots[index]
    }
}
