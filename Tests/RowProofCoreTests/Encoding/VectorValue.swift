import RowProofCore
import RowProofCrypto

/// A value in the spec's vector input form (`vector_format.value_input`).
struct VectorValue: Decodable, Sendable {
    /// `value` is a string for most types and a boolean for `bool`.
    enum Scalar: Decodable, Sendable {
        case string(String)
        case bool(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        var string: String? { if case .string(let text) = self { text } else { nil } }
        var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    }

    var type: String
    var value: Scalar?
    var hex: String?
    var bits: String?
    var months: Int32?
    var days: Int32?
    var micros: Int64?
    var elements: [VectorValue]?

    enum CodingKeys: String, CodingKey { case type, value, hex, bits, months, days, micros, elements }

    /// The raw bytes of a `text` (either `value` or `hex`) or `bytes` value.
    func rawBytes() throws -> [UInt8] {
        if let hex {
            guard let bytes = Hex.decode(hex) else { throw VectorFormatError("\(type) hex \(hex) is not hex") }
            return bytes
        }
        guard let text = value?.string else { throw VectorFormatError("\(type) value without 'value' or 'hex'") }
        return Array(text.utf8)
    }

    func string() throws -> String {
        guard let text = value?.string else { throw VectorFormatError("\(type) value without a string 'value'") }
        return text
    }
}

/// The vector file does not have the documented shape (a test-data problem, not a spec error).
struct VectorFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// 16 lowercase hex digits, most significant first (how the spec writes 64-bit hashes).
func hex64(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

extension VectorValue: CustomStringConvertible {
    /// The value in its vector input form, for failure messages.
    var description: String {
        var fields = ["type: \(type)"]
        if let value {
            fields.append("value: \(value.string.map { "\"\($0)\"" } ?? String(describing: value.bool ?? false))")
        }
        if let hex { fields.append("hex: \(hex)") }
        if let bits { fields.append("bits: \(bits)") }
        if let months, let days, let micros { fields.append("months: \(months), days: \(days), micros: \(micros)") }
        if let elements { fields.append("elements: [\(elements.map(\.description).joined(separator: ", "))]") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
