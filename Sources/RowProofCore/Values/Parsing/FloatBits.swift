import RowProofCrypto

/// Binary64 values written as their 16 hex-digit bit pattern (the spec's vector input form).
public enum FloatBits {
    /// The binary64 whose big-endian bit pattern is the 16 hex digits `hex`.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/unsupportedType`` unless `hex` is exactly 16
    ///   hex digits.
    public static func parse(_ hex: String) throws(CanonicalError) -> Double {
        guard hex.utf8.count == 16, hex.utf8.allSatisfy(\.isHexDigit), let bits = UInt64(hex, radix: 16) else {
            throw CanonicalError(.unsupportedType, "float bits \"\(hex)\" are not 16 hex digits")
        }
        return Double(bitPattern: bits)
    }

    /// The 16 lowercase hex digits of `value`'s bit pattern.
    public static func hex(_ value: Double) -> String {
        Hex.encode(value.bitPattern)
    }
}

extension UInt8 {
    /// Whether this byte is an ASCII hex digit.
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
