/// The growable byte buffer behind ``RowEncoder`` and ``KeyEncoder``.
///
/// A value type with copy-on-write storage that only grows, so encoding a row after the first
/// few never allocates. Each value reserves its room once and is then stored through a pointer.
@usableFromInline
struct EncodingBuffer: Sendable {
    /// Backing bytes; only the first `count` are meaningful.
    @usableFromInline var storage: EncodingStorage
    /// The number of bytes written.
    @usableFromInline var count: Int

    init(capacity: Int) {
        storage = EncodingStorage(capacity: max(capacity, 64))
        count = 0
    }

    /// Forgets the contents, keeping the allocation.
    @inlinable
    mutating func removeAll() { count = 0 }

    /// Reserves `maximumCount` bytes, lets `body` write at most that many at the end, and keeps
    /// the number `body` returns.
    @inlinable @inline(__always)
    mutating func write(maximumCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let destination = reserve(maximumCount)
        count &+= body(destination)
    }

    /// Makes room for `maximumCount` more bytes in storage this buffer alone references and
    /// returns where they start; ``commit(_:)`` then keeps the ones written.
    ///
    /// The pointer is valid until the next mutation of the buffer.
    @inlinable @inline(__always)
    mutating func reserve(_ maximumCount: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count &+ maximumCount > storage.capacity || !isKnownUniquelyReferenced(&storage)) {
            reallocate(minimumCapacity: count + maximumCount)
        }
        return storage.base + count
    }

    /// Makes sure no other buffer shares the storage (copying it if one does), so it can be
    /// written through a pointer until this buffer is next copied.
    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { reallocate(minimumCapacity: count) }
    }

    /// Keeps `written` bytes of the room the last ``reserve(_:)`` made.
    @inlinable @inline(__always)
    mutating func commit(_ written: Int) {
        count &+= written
    }

    /// Appends `bytes`.
    @inlinable
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let length = bytes.count
        guard length > 0 else { return }
        write(maximumCount: length) { destination in
            UnsafeMutableRawPointer(destination).copyMemory(from: bytes.baseAddress!, byteCount: length)
            return length
        }
    }

    /// Appends a value header: the tag and the big-endian u32 payload length.
    @inlinable
    mutating func appendHeader(tag: ValueTag, payloadLength: Int) {
        precondition(
            payloadLength <= Int(UInt32.max),
            "a canonical value payload is limited to 4 GiB by its u32 length; got \(payloadLength) bytes"
        )
        write(maximumCount: 5) { destination in
            destination.pointee = tag.rawValue
            UnsafeMutableRawPointer(destination + 1).storeBytes(
                of: UInt32(truncatingIfNeeded: payloadLength).bigEndian,
                as: UInt32.self
            )
            return 5
        }
    }

    /// Appends a whole value: the tag, the big-endian u32 length of `payload`, and `payload`.
    @inlinable
    mutating func appendValue(tag: ValueTag, payload: UnsafeRawBufferPointer) {
        let length = payload.count
        precondition(
            length <= Int(UInt32.max),
            "a canonical value payload is limited to 4 GiB by its u32 length; got \(length) bytes"
        )
        write(maximumCount: 5 + length) { destination in
            destination.pointee = tag.rawValue
            let raw = UnsafeMutableRawPointer(destination)
            raw.storeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian, toByteOffset: 1, as: UInt32.self)
            if length > 0 { (raw + 5).copyMemory(from: payload.baseAddress!, byteCount: length) }
            return 5 + length
        }
    }

    /// Overwrites 4 bytes at `offset` (already written) with `value` big-endian.
    mutating func patch(_ value: UInt32, at offset: Int) {
        precondition(
            offset >= 0 && offset + 4 <= count,
            "EncodingBuffer.patch: offset \(offset) outside the written bytes"
        )
        if !isKnownUniquelyReferenced(&storage) { reallocate(minimumCapacity: count) }
        UnsafeMutableRawPointer(storage.base).storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt32.self)
    }

    /// Calls `body` with the written bytes.
    ///
    /// `self` is borrowed for the whole call and holds `storage`, so the bytes stay alive without
    /// a retain of their own (readers call this once per row).
    @inlinable
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: storage.base, count: count))
    }

    /// A copy of the written bytes.
    var bytes: [UInt8] { withBytes { Array($0) } }

    @usableFromInline
    mutating func reallocate(minimumCapacity: Int) {
        let capacity =
            minimumCapacity > storage.capacity ? max(minimumCapacity, storage.capacity * 2) : storage.capacity
        storage = storage.copy(count: count, minimumCapacity: capacity)
    }
}
