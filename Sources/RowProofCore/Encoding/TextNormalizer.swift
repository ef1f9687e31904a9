import Foundation

/// Unicode Normalization Form C for text values (spec `value_encoding.types.text`).
///
/// Only text that contains code points from U+0300 up reaches this type; the encoders copy
/// ASCII and other already-normalized text directly (see ``UTF8Validator``).
enum TextNormalizer {
    /// The NFC form of valid UTF-8 `bytes`, as UTF-8.
    static func nfc(validUTF8 bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(nfc(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// The NFC form of `text`.
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
