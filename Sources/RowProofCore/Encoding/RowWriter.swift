/// Appends the values of one row to a ``RowEncoder``; see ``RowEncoder/encodeRow(_:)``.
///
/// The same methods and the same bytes as ``RowEncoder``, minus one check per value: the
/// encoder proves once per row that no copy of it shares its buffer, and the writer (which
/// can be neither copied nor kept past the row) writes straight into that buffer. Values with
/// no fast path (JSON, arrays, text that needs normalization, wide decimals) go through the
/// encoder itself.
public struct RowWriter: ~Copyable {
    /// The encoder being written, exclusively accessed for the writer's whole life.
    @usableFromInline let encoder: UnsafeMutablePointer<RowEncoder>
    /// The encoder's storage, cached; replaced whenever the storage is.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int

    @inlinable
    init(encoder: UnsafeMutablePointer<RowEncoder>) {
        self.encoder = encoder
        base = encoder.pointee.buffer.storage.base
        capacity = encoder.pointee.buffer.storage.capacity
    }

    /// Room for `maximumCount` more bytes, at the end of what is written.
    @inlinable @inline(__always)
    mutating func reserve(_ maximumCount: Int) -> UnsafeMutableRawPointer {
        if _slowPath(encoder.pointee.buffer.count &+ maximumCount > capacity) { grow(maximumCount) }
        return UnsafeMutableRawPointer(base + encoder.pointee.buffer.count)
    }

    /// Keeps `written` bytes and counts the value.
    @inlinable @inline(__always)
    mutating func commit(_ written: Int) {
        encoder.pointee.buffer.commit(written)
        encoder.pointee.didAppendValue()
    }

    @usableFromInline
    mutating func grow(_ maximumCount: Int) {
        encoder.pointee.buffer.reallocate(minimumCapacity: encoder.pointee.buffer.count + maximumCount)
        base = encoder.pointee.buffer.storage.base
        capacity = encoder.pointee.buffer.storage.capacity
    }

    /// Runs `body` on the encoder (values without a fast path), then takes sole hold of the
    /// buffer again, in case `body` copied the encoder.
    @usableFromInline
    mutating func withEncoder<E: Error>(_ body: (inout RowEncoder) throws(E) -> Void) throws(E) {
        defer {
            encoder.pointee.buffer.makeUnique()
            base = encoder.pointee.buffer.storage.base
            capacity = encoder.pointee.buffer.storage.capacity
        }
        try body(&encoder.pointee)
    }
}
