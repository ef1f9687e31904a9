import RowProofCrypto

extension CanonicalRow {
    /// Renders a key encoding for people, component by component: `(42, 'abc', 2024-03-01)`.
    ///
    /// Bytes after the last well-formed component are shown as a `'\x…'` bytes value, so an
    /// error message can always show the key it is about.
    public static func describeKey(_ key: [UInt8]) -> String {
        "(" + KeyDecoder.describeKey(key).map(ValueText.render).joined(separator: ", ") + ")"
    }

    /// The key in both forms, for error messages: `(42, 'a') [key 0x02800000000000002a…]`.
    static func describeKeyForError(_ key: [UInt8]) -> String {
        "\(describeKey(key)) [key 0x\(Hex.encode(key))]"
    }
}
