/// One row as the differ sees it: its key encoding, its canonical bytes and its row hash.
///
/// `key` is the order-preserving key encoding (`specs/hashing_spec.json`, `key_encoding`);
/// streams deliver rows in ascending memcmp order of `key`. `bytes` is the concatenation of the
/// row's value encodings in column-plan order, and `hash` is XXH64 of `bytes` with the spec's seed.
public struct CanonicalRow: Sendable, Hashable {
    /// The key encoding; compared with memcmp, shorter prefix first.
    public var key: [UInt8]
    /// The canonical row bytes: per column `tag (u8) || length (u32 BE) || payload`.
    public var bytes: [UInt8]
    /// XXH64 of `bytes` with ``XXH64/rowSeed``.
    public var hash: UInt64

    /// Creates a row from its parts; the caller guarantees `hash` is the row hash of `bytes`.
    public init(key: [UInt8], bytes: [UInt8], hash: UInt64) {
        self.key = key
        self.bytes = bytes
        self.hash = hash
    }

    /// Overwrites the row with another one's parts, reusing this row's storage when no other
    /// row shares it (so a stream that refills one row per step does not allocate per row).
    @inlinable
    public mutating func overwrite(
        key newKey: UnsafeRawBufferPointer,
        bytes newBytes: UnsafeRawBufferPointer,
        hash newHash: UInt64
    ) {
        key.overwrite(with: newKey)
        bytes.overwrite(with: newBytes)
        hash = newHash
    }
}

extension [UInt8] {
    /// Replaces the contents with `source`, reusing the storage: a copy in place when the
    /// length is the same (as for most keys); for a length a few bytes off (rows whose text
    /// columns vary a little), the count is moved one byte at a time and the rest copied in
    /// place; otherwise an emptying that keeps the capacity, then an append.
    @inlinable @inline(__always)
    mutating func overwrite(with source: UnsafeRawBufferPointer) {
        let newCount = source.count
        let oldCount = count
        if newCount != oldCount {
            let difference = newCount - oldCount
            guard difference.magnitude <= 16 else {
                removeAll(keepingCapacity: true)
                append(contentsOf: source)
                return
            }
            if difference < 0 {
                for _ in 0..<(-difference) { removeLast() }
            } else {
                for index in oldCount..<newCount { append(source[index]) }
            }
        }
        let common = Swift.min(oldCount, newCount)
        if common > 0 {
            withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: common) }
        }
    }
}
