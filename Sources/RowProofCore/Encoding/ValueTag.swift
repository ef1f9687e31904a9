/// The tag byte that starts every value encoding (`specs/hashing_spec.json`, `value_encoding.types`).
public enum ValueTag: UInt8, Sendable, Hashable, CaseIterable {
    /// NULL of any type; empty payload.
    case null = 0x00
    /// One byte, 0x00 or 0x01.
    case bool = 0x01
    /// ASCII normalized decimal (integers of every width and exact decimals).
    case decimal = 0x02
    /// 8 bytes, IEEE-754 binary64 big-endian, -0 as 0, one NaN.
    case float = 0x03
    /// UTF-8 NFC.
    case text = 0x04
    /// Raw bytes.
    case bytes = 0x05
    /// Days since 1970-01-01, i32 big-endian.
    case date = 0x06
    /// Microseconds since midnight, i64 big-endian.
    case time = 0x07
    /// Microseconds since the epoch (UTC), i64 big-endian.
    case timestamp = 0x08
    /// Months (i32), days (i32), microseconds (i64), big-endian.
    case interval = 0x09
    /// 16 bytes, RFC 4122 order.
    case uuid = 0x0A
    /// RFC 8785 canonical JSON text.
    case json = 0x0B
    /// Element count (u32) then each element's full encoding.
    case array = 0x0C
}
