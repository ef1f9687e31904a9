/// The heap bytes behind an ``EncodingBuffer``.
///
/// Fixed capacity; a buffer that needs more allocates a bigger storage and copies.
@usableFromInline
final class EncodingStorage: @unchecked Sendable {
    // @unchecked Sendable: the bytes are written only through an `EncodingBuffer` that holds the
    // sole reference (it copies before writing when the storage is shared, like `Array`), so a
    // storage visible to several owners or threads is never mutated.

    /// Start of the allocation.
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    /// Bytes allocated.
    @usableFromInline let capacity: Int

    /// Allocates `capacity` bytes.
    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        // Zeroed so the word-wide writers, which may read a few bytes past what they wrote, only
        // ever read initialized memory.
        base.initialize(repeating: 0, count: capacity)
    }

    /// A storage of at least `minimumCapacity` bytes holding this storage's first `count` bytes.
    @usableFromInline
    func copy(count: Int, minimumCapacity: Int) -> EncodingStorage {
        let copy = EncodingStorage(capacity: max(minimumCapacity, capacity))
        copy.base.update(from: base, count: count)
        return copy
    }

    deinit { base.deallocate() }
}
