/// Builds a row's canonical bytes value by value and hashes them (`specs/hashing_spec.json`).
///
/// One encoder is reused for every row of a stream: call ``reset()``, append the row's values
/// in column-plan order, then ``finish()`` for the row hash. The buffer only grows, so after the
/// first rows no append allocates (text that needs Unicode normalization and JSON excepted).
///
/// ```swift
/// var encoder = RowEncoder(columnNames: ["id", "note"])
/// encoder.reset()
/// encoder.appendInteger(42)
/// encoder.appendText("café")
/// let rowHash = encoder.finish()
/// ```
///
/// Arrays are written with ``beginArray(count:)`` followed by exactly `count` element appends;
/// the array closes itself after the last element.
public struct RowEncoder: Sendable {
    @usableFromInline var buffer: EncodingBuffer
    @usableFromInline var valueCount: Int = 0
    /// Offset of the open array's tag, or -1 when no array is open.
    @usableFromInline var openArrayStart: Int = -1
    /// Elements still expected by the open array.
    @usableFromInline var openArrayRemaining: Int = 0
    /// Elements the open array was declared with.
    @usableFromInline var openArrayCount: Int = 0

    /// Column names in plan order, used only to name the column in errors.
    public var columnNames: [String]

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - initialCapacity: Bytes to allocate up front; the buffer grows as needed.
    ///   - columnNames: Column names in plan order, so errors can say which column failed.
    public init(initialCapacity: Int = 512, columnNames: [String] = []) {
        buffer = EncodingBuffer(capacity: initialCapacity)
        self.columnNames = columnNames
    }

    /// The number of top-level values appended since the last ``reset()`` (array elements do
    /// not count; a finished array counts as one value).
    public var columnCount: Int { valueCount }

    /// The number of canonical bytes written since the last ``reset()``.
    public var byteCount: Int { buffer.count }

    /// Starts a new row, keeping the allocation.
    @inlinable
    public mutating func reset() {
        buffer.removeAll()
        valueCount = 0
        openArrayStart = -1
        openArrayRemaining = 0
    }

    /// Returns the row hash: XXH64 of the canonical bytes with the spec's seed.
    ///
    /// The bytes stay available (``withBytes(_:)``) until the next ``reset()``.
    /// - Precondition: No array is left open (all of its elements were appended).
    @inlinable
    public func finish() -> UInt64 {
        precondition(
            openArrayStart < 0,
            "RowEncoder.finish(): the array in column \(valueCount + 1) still expects \(openArrayRemaining) element(s)"
        )
        return buffer.withBytes { XXH64.hash($0) }
    }

    /// Calls `body` with the canonical bytes written so far, without copying them.
    @inlinable
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try buffer.withBytes(body)
    }

    /// A copy of the canonical bytes written so far.
    public var bytes: [UInt8] { buffer.bytes }

    /// Counts a finished value: a column, or an element of the open array.
    @inlinable
    mutating func didAppendValue() {
        if _fastPath(openArrayStart < 0) {
            valueCount &+= 1
        } else {
            didAppendArrayElement()
        }
    }

    /// Makes an error that names the column being written (or its position when unnamed).
    func error(_ code: CanonicalError.Code, _ detail: String) -> CanonicalError {
        var detail = detail
        if openArrayStart >= 0 {
            detail += " (array element \(openArrayElementIndex + 1))"
        }
        if valueCount < columnNames.count {
            return CanonicalError(code, detail, column: columnNames[valueCount])
        }
        return CanonicalError(code, detail + " (value \(valueCount + 1) of the row)")
    }

    @usableFromInline
    func decimalOutOfRange(unscaled: Int64, scale: Int32) -> CanonicalError {
        error(.decimalOutOfRange, CanonicalDecimal.outOfRange(unscaled: Int128(unscaled), scale: Int(scale)).detail)
    }
}
