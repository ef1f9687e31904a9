internal import Foundation

/// A strict RFC 8259 parser producing a ``JSONValue`` tree.
///
/// Unlike `JSONDecoder` it refuses an object that repeats a member name (a policy or job file
/// must not silently lose one of two values) and reports line and column for syntax errors.
/// Integers that fit 64 bits stay integers; other numbers become `Double`.
struct JSONTreeParser {
    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0
    private static let maximumDepth = 512

    static func parse(_ data: Data) throws(ContractError) -> JSONValue {
        var parser = JSONTreeParser(bytes: [UInt8](data))
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        parser.skipWhitespace()
        let value = try parser.value(at: ContractPath())
        parser.skipWhitespace()
        guard parser.offset == parser.bytes.count else {
            throw parser.syntaxError("unexpected text after the document")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value(at path: ContractPath) throws(ContractError) -> JSONValue {
        guard offset < bytes.count else { throw syntaxError("unexpected end of the document") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(at: path)
        case UInt8(ascii: "["): return try array(at: path)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw syntaxError("unexpected character '\(Character(UnicodeScalar(bytes[offset])))'")
        }
    }

    private mutating func object(at path: ContractPath) throws(ContractError) -> JSONValue {
        try enter()
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a member name in double quotes") }
            let nameLocation = location
            let name = try string()
            guard members[name] == nil else {
                throw ContractError(path: path, "duplicate field \"\(name)\" (\(nameLocation))")
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            skipWhitespace()
            members[name] = try value(at: path[name])
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}' in an object")
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array(at path: ContractPath) throws(ContractError) -> JSONValue {
        try enter()
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(at: path[elements.count]))
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "]"), "',' or ']' in an array")
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func string() throws(ContractError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ end: Int) throws(ContractError) {
            guard runStart < end else { return }
            guard let text = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw syntaxError("a string is not valid UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                try flush(offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(offset)
                offset += 1
                scalars.append(try escape())
                runStart = offset
            case 0..<0x20:
                throw syntaxError("control character in a string; escape it")
            default:
                offset += 1
            }
        }
        throw syntaxError("unterminated string")
    }

    private mutating func escape() throws(ContractError) -> Unicode.Scalar {
        guard offset < bytes.count else { throw syntaxError("unterminated escape") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw syntaxError("unpaired surrogate in \\u escape")
                }
                offset += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw syntaxError("invalid surrogate pair in \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw syntaxError("unpaired surrogate in \\u escape") }
            return scalar
        default:
            throw syntaxError("invalid escape '\\\(Character(UnicodeScalar(byte)))'")
        }
    }

    private mutating func hex4() throws(ContractError) -> UInt32 {
        guard offset + 4 <= bytes.count,
            let text = String(validating: bytes[offset..<offset + 4], as: UTF8.self),
            text.allSatisfy(\.isHexDigit), let value = UInt32(text, radix: 16)
        else { throw syntaxError("\\u must be followed by four hex digits") }
        offset += 4
        return value
    }

    private mutating func number() throws(ContractError) -> JSONValue {
        let start = offset
        var isInteger = true
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard digits() > 0 else { throw syntaxError("invalid number") }
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard digits() > 0 else { throw syntaxError("invalid number: digits must follow '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw syntaxError("invalid number: digits must follow the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else { throw syntaxError("number \(text) is out of range") }
        return .number(double)
    }

    private mutating func digits() -> Int {
        let start = offset
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        return offset - start
    }

    private mutating func literal(_ word: String) throws(ContractError) {
        guard bytes[offset...].starts(with: word.utf8) else { throw syntaxError("invalid literal; expected \(word)") }
        offset += word.utf8.count
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(ContractError) {
        guard peek() == byte else {
            throw syntaxError(
                offset < bytes.count ? "expected \(what)" : "unexpected end of the document; expected \(what)"
            )
        }
        offset += 1
    }

    private mutating func enter() throws(ContractError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw syntaxError("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// `line L, column C` of the current offset (1-based; columns count bytes).
    private var location: String {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return "line \(line), column \(offset - lineStart + 1)"
    }

    private func syntaxError(_ reason: String) -> ContractError {
        ContractError(path: ContractPath(), "not valid JSON: \(reason) (\(location))")
    }
}
