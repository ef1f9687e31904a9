extension UUIDBytes {
    /// Parses a UUID: 32 hex digits, either plain or hyphenated 8-4-4-4-12 (either case).
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidUUID`` for anything else (braces,
    ///   misplaced hyphens, wrong length, non-hex characters).
    public init(parsing text: String) throws(CanonicalError) {
        let utf8 = Array(text.utf8)
        let hyphenPositions: Set<Int> = [8, 13, 18, 23]
        let isHyphenated = utf8.count == 36
        guard utf8.count == 32 || isHyphenated else {
            throw CanonicalError(.invalidUUID, "\"\(text)\" is not 32 hex digits (optionally hyphenated 8-4-4-4-12)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8? = nil
        for (position, byte) in utf8.enumerated() {
            if isHyphenated, hyphenPositions.contains(position) {
                guard byte == UInt8(ascii: "-") else {
                    throw CanonicalError(.invalidUUID, "\"\(text)\" needs '-' at offset \(position) (8-4-4-4-12)")
                }
                continue
            }
            guard let nibble = Self.nibble(byte) else {
                throw CanonicalError(.invalidUUID, "\"\(text)\" has a non-hex character at offset \(position)")
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        self.init(bytes)!
    }

    /// The lowercase hyphenated text form (`123e4567-e89b-12d3-a456-426614174000`).
    public var text: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for (index, byte) in array.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
