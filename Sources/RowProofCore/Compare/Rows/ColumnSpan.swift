/// Where one column's value encoding sits inside a row's canonical bytes.
public struct ColumnSpan: Sendable, Hashable {
    /// The value's type tag (`0x00` NULL, `0x02` decimal, `0x04` text, ... see the hashing spec).
    public var tag: UInt8
    /// The whole encoding: tag, 4-byte length and payload.
    public var encoding: Range<Int>
    /// The payload alone.
    public var payload: Range<Int>

    /// Creates a span; `payload` must lie inside `encoding`.
    public init(tag: UInt8, encoding: Range<Int>, payload: Range<Int>) {
        self.tag = tag
        self.encoding = encoding
        self.payload = payload
    }
}
