/// A strict RFC 8259 parser producing ``JSONValue`` for canonicalization.
///
/// Errors carry the byte offset: `INVALID_JSON: unexpected character "}" at offset 12`.
struct JSONParser {
    /// Objects and arrays nested deeper than this are refused (no stack overflow on hostile input).
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses exactly one JSON value surrounded by optional whitespace from valid UTF-8 `bytes`.
    static func parse(validUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(CanonicalError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw parser.failure("the text is empty or only whitespace; expected a JSON value")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure(
                "unexpected \(parser.describeCurrent()) after the JSON value; expected the end of the text"
            )
        }
        return value
    }

    private mutating func parseValue() throws(CanonicalError) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of the text; expected a JSON value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected \(describeCurrent()); expected a JSON value")
        }
    }

    private mutating func parseObject() throws(CanonicalError) -> JSONValue {
        try enterContainer()
        index += 1
        var members: [JSONMember] = []
        var positions: [[UInt8]: Int] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describeCurrent()); expected a member name in double quotes")
            }
            let name = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("unexpected \(describeCurrent()); expected ':' after a member name")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            // A repeated name keeps its last value, as Postgres jsonb does.
            if let position = positions[name] {
                members[position].value = value
            } else {
                positions[name] = members.count
                members.append(JSONMember(name: name, value: value))
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of the text; expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw failure("unexpected \(describeCurrent()); expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(CanonicalError) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of the text; expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw failure("unexpected \(describeCurrent()); expected ',' or ']'")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enterContainer() throws(CanonicalError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("objects and arrays are nested deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(CanonicalError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
            throw failure("unexpected \(describeCurrent()); expected \(literal)")
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func failure(_ reason: String, at offset: Int? = nil) -> CanonicalError {
        CanonicalError(.invalidJSON, "\(reason) (at offset \(offset ?? index))")
    }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of the text" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}

extension JSONParser {
    /// Parses a string starting at the opening quote; returns its contents as UTF-8.
    fileprivate mutating func parseString() throws(CanonicalError) -> [UInt8] {
        let start = index
        index += 1
        var contents: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("the string has no closing quote", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return contents
            case UInt8(ascii: "\\"):
                try parseEscape(into: &contents)
            case 0x00..<0x20:
                throw failure(
                    "control character 0x\(String(byte, radix: 16, uppercase: true)) must be escaped inside a string"
                )
            default:
                contents.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into contents: inout [UInt8]) throws(CanonicalError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw failure("the string ends inside an escape", at: escapeStart) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): contents.append(byte)
        case UInt8(ascii: "b"): contents.append(0x08)
        case UInt8(ascii: "f"): contents.append(0x0C)
        case UInt8(ascii: "n"): contents.append(0x0A)
        case UInt8(ascii: "r"): contents.append(0x0D)
        case UInt8(ascii: "t"): contents.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try parseHex4(escapeStart: escapeStart))
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw failure(
                        "high surrogate \\u\(hex4(scalar)) is not followed by a low surrogate",
                        at: escapeStart
                    )
                }
                index += 2
                let low = UInt32(try parseHex4(escapeStart: escapeStart))
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure(
                        "high surrogate \\u\(hex4(scalar)) is followed by \\u\(hex4(low)), not a low surrogate",
                        at: escapeStart
                    )
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw failure("low surrogate \\u\(hex4(scalar)) without a high surrogate", at: escapeStart)
            }
            contents.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: escapeStart)
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(CanonicalError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("a \\u escape needs 4 hex digits", at: escapeStart) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs 4 hex digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Parses a number (RFC 8259 grammar) into the nearest binary64.
    fileprivate mutating func parseNumber() throws(CanonicalError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw failure("a number needs digits after '-'", at: start)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw failure("a number must not have leading zeros", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("a number needs digits after '.'", at: start)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("a number needs digits in its exponent", at: start)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure("the number \(text) is outside the binary64 range", at: start)
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
