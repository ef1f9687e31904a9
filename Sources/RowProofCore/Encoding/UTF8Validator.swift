/// Strict UTF-8 validation (RFC 3629) that also tells whether text can skip Unicode normalization.
@usableFromInline
enum UTF8Validator {
    /// What valid input contains.
    @usableFromInline
    enum Content: Sendable {
        /// Only bytes below 0x80: already NFC.
        case ascii
        /// Only code points below U+0300: none of them composes or reorders, so already NFC.
        case belowCombiningMarks
        /// Other code points: may need normalization.
        case other
    }

    /// Whether every byte is below 0x80 (ASCII is valid UTF-8 and already NFC).
    @inlinable
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        let base = bytes.baseAddress!
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= count {
            seen |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            seen |= UInt64(base.load(fromByteOffset: index, as: UInt8.self))
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Copies `bytes` to `destination` and returns whether they were all ASCII, in one pass
    /// (short values; long ones use `isASCII` and `memcpy`).
    ///
    /// Works in whole words: the last word (or half word) overlaps the one before it instead of
    /// finishing byte by byte, so a 20-byte value takes three 8-byte moves.
    @inlinable @inline(__always)
    static func copyCheckingASCII(_ bytes: UnsafeRawBufferPointer, to destination: UnsafeMutableRawPointer) -> Bool {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return true }
        if count >= 8 {
            if _slowPath(count > 256) {
                destination.copyMemory(from: source, byteCount: count)
                return isASCII(bytes)
            }
            var seen: UInt64 = 0
            var index = 0
            let lastWord = count &- 8
            while index < lastWord {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                destination.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
                seen |= word
                index &+= 8
            }
            let word = source.loadUnaligned(fromByteOffset: lastWord, as: UInt64.self)
            destination.storeBytes(of: word, toByteOffset: lastWord, as: UInt64.self)
            return (seen | word) & 0x8080_8080_8080_8080 == 0
        }
        if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
            return (head | tail) & 0x8080_8080 == 0
        }
        // 1 to 3 bytes: first, middle and last cover them all.
        let first = source.load(as: UInt8.self)
        let middle = source.load(fromByteOffset: count &>> 1, as: UInt8.self)
        let last = source.load(fromByteOffset: count &- 1, as: UInt8.self)
        destination.storeBytes(of: first, as: UInt8.self)
        destination.storeBytes(of: middle, toByteOffset: count &>> 1, as: UInt8.self)
        destination.storeBytes(of: last, toByteOffset: count &- 1, as: UInt8.self)
        return (first | middle | last) & 0x80 == 0
    }

    /// Validates `bytes`; returns what they contain, or why they are not UTF-8.
    @usableFromInline
    static func validate(_ bytes: UnsafeRawBufferPointer) -> Result<Content, CanonicalError> {
        let count = bytes.count
        guard count > 0 else { return .success(.ascii) }
        let base = bytes.baseAddress!
        var index = 0
        // ASCII fast path, 8 bytes at a time.
        while index + 8 <= count {
            if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < count, base.load(fromByteOffset: index, as: UInt8.self) < 0x80 { index += 1 }
        if index == count { return .success(.ascii) }
        return validateMixed(base.assumingMemoryBound(to: UInt8.self), count: count, from: index)
    }

    private static func validateMixed(
        _ bytes: UnsafePointer<UInt8>,
        count: Int,
        from start: Int
    ) -> Result<Content, CanonicalError> {
        var index = start
        var highestLead: UInt8 = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            case 0x80...0xBF:
                return .failure(violation(lead, at: index, "is a continuation byte without a lead byte"))
            default:
                return .failure(violation(lead, at: index, "never appears in UTF-8"))
            }
            guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else {
                return .failure(violation(lead, at: index, "starts an incomplete sequence"))
            }
            let second = bytes[index + 1]
            if second < secondLow || second > secondHigh {
                let reason =
                    switch lead {
                    case 0xE0, 0xF0: "starts an overlong encoding"
                    case 0xED: "starts an encoded UTF-16 surrogate"
                    default: "starts a code point above U+10FFFF"
                    }
                return .failure(violation(lead, at: index, reason))
            }
            for offset in 2..<length {
                guard index + offset < count, bytes[index + offset] & 0xC0 == 0x80 else {
                    return .failure(violation(lead, at: index, "starts an incomplete sequence"))
                }
            }
            if lead > highestLead { highestLead = lead }
            index += length
        }
        // Lead bytes 0xC2...0xCB encode U+0080...U+02FF; U+0300 is the first combining mark.
        return .success(highestLead < 0xCC ? .belowCombiningMarks : .other)
    }

    private static func violation(_ byte: UInt8, at offset: Int, _ reason: String) -> CanonicalError {
        let hex = String(byte, radix: 16, uppercase: true)
        return CanonicalError(
            .invalidUTF8,
            "byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset) \(reason); "
                + "the value is not valid UTF-8 (check the source column's encoding, or compare it as bytes)"
        )
    }
}
