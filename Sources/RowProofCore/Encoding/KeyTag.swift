/// The tag byte that starts every key component (`specs/hashing_spec.json`, `key_encoding.components`).
public enum KeyTag: UInt8, Sendable, Hashable, CaseIterable {
    /// One byte, 0x00 or 0x01.
    case bool = 0x01
    /// 8 bytes: the signed value with its sign bit flipped, big-endian.
    case integer = 0x02
    /// UTF-8 as stored, 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x00.
    case text = 0x04
    /// Raw bytes, 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x00.
    case bytes = 0x05
    /// 4 bytes: days XOR 0x80000000, big-endian.
    case date = 0x06
    /// 8 bytes: microseconds since midnight XOR 0x8000000000000000, big-endian.
    case time = 0x07
    /// 8 bytes: UTC microseconds XOR 0x8000000000000000, big-endian.
    case timestamp = 0x08
    /// The 16 bytes.
    case uuid = 0x0A
}
