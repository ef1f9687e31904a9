/// RFC 8785 (JCS) canonical JSON (spec `json_rules`).
///
/// No insignificant whitespace, members sorted by their names as UTF-16 code units, minimal
/// string escapes, numbers written as ECMAScript writes binary64. A repeated member name keeps
/// its last value. String contents are not Unicode-normalized.
public enum JSONCanonicalizer {
    /// Returns the canonical form of the JSON text `bytes` (UTF-8) as UTF-8.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidUTF8`` when `bytes` are not UTF-8,
    ///   ``CanonicalError/Code-swift.enum/invalidJSON`` (with the offset) when they are not
    ///   exactly one JSON value or a number is outside binary64's range.
    public static func canonicalize(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) -> [UInt8] {
        if case .failure(let failure) = UTF8Validator.validate(bytes) { throw failure }
        let value = try JSONParser.parse(validUTF8: bytes.assumingMemoryBound(to: UInt8.self))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        write(value, to: &output)
        return output
    }

    /// Returns the canonical form of the JSON text `text`.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidJSON`` with the offset of the problem.
    public static func canonicalize(_ text: String) throws(CanonicalError) -> String {
        let utf8 = Array(text.utf8)
        let result = utf8.withUnsafeBytes { raw in
            Result { () throws(CanonicalError) in try canonicalize(utf8: raw) }
        }
        return String(decoding: try result.get(), as: UTF8.self)
    }

    static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: ECMAScriptNumber.format(number).utf8)
        case .string(let contents): writeString(contents, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted =
                members
                .map { (key: Array(String(decoding: $0.name, as: UTF8.self).utf16), member: $0) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for (position, entry) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(entry.member.name, to: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes a string with RFC 8785's minimal escapes.
    static func writeString(_ contents: [UInt8], to output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in contents {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
