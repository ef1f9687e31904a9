/// Builds a row key's order-preserving encoding (spec `key_encoding`).
///
/// Comparing two encodings with `memcmp` (a shorter prefix first) gives the key order every
/// stream follows, so text keys sort as `COLLATE "C"`. Composite keys are their components'
/// encodings concatenated in key-column order. Reuse one encoder per stream: ``reset()``,
/// append the components, read the bytes with ``withBytes(_:)``.
public struct KeyEncoder: Sendable {
    @usableFromInline var buffer: EncodingBuffer
    @usableFromInline var components: Int = 0

    /// Key column names in key order, used only to name the column in errors.
    public var columnNames: [String]

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - initialCapacity: Bytes to allocate up front; the buffer grows as needed.
    ///   - columnNames: Key column names, so errors can say which column failed.
    public init(initialCapacity: Int = 64, columnNames: [String] = []) {
        buffer = EncodingBuffer(capacity: initialCapacity)
        self.columnNames = columnNames
    }

    /// The number of components appended since the last ``reset()``.
    public var componentCount: Int { components }

    /// Starts a new key, keeping the allocation.
    @inlinable
    public mutating func reset() {
        buffer.removeAll()
        components = 0
    }

    /// Calls `body` with the key encoding written so far, without copying it.
    @inlinable
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try buffer.withBytes(body)
    }

    /// A copy of the key encoding written so far.
    public var bytes: [UInt8] { buffer.bytes }

    /// The sampling value of the key written so far (see ``Sampler``).
    public var sampleValue: UInt64 { buffer.withBytes { Sampler.sampleValue(key: $0) } }

    /// Makes an error that names the key column being written (or its position).
    func error(_ code: CanonicalError.Code, _ detail: String) -> CanonicalError {
        if components < columnNames.count {
            return CanonicalError(code, detail, column: columnNames[components])
        }
        return CanonicalError(code, detail + " (key component \(components + 1))")
    }
}
