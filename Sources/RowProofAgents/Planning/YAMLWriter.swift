import Foundation
import RowProofContracts

/// Writes a JSON document as block-style YAML; every string is double-quoted with JSON escapes,
/// which YAML reads identically, so no value changes meaning.
enum YAMLWriter {
    static func yaml(fromJSON data: Data) -> String? {
        guard let value = try? ContractDecoder().parse(data, format: .json) else { return nil }
        var lines: [String] = []
        emit(value, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(_ value: JSONValue, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let object) where !object.isEmpty:
            for key in object.keys.sorted() {
                let child = object[key]!
                if let scalar = scalar(child) {
                    lines.append("\(pad)\(key): \(scalar)")
                } else {
                    lines.append("\(pad)\(key):")
                    emit(child, indent: indent + 1, into: &lines)
                }
            }
        case .array(let array) where !array.isEmpty:
            for element in array {
                if let scalar = scalar(element) {
                    lines.append("\(pad)- \(scalar)")
                } else {
                    var nested: [String] = []
                    emit(element, indent: indent + 1, into: &nested)
                    if let first = nested.first {
                        lines.append("\(pad)- " + first.dropFirst(pad.count + 2))
                        lines += nested.dropFirst()
                    }
                }
            }
        default:
            if let scalar = scalar(value) { lines.append(pad + scalar) }
        }
    }

    private static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let data = (try? encoder.encode(text)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .null: return "null"
        case .array(let array): return array.isEmpty ? "[]" : nil
        case .object(let object): return object.isEmpty ? "{}" : nil
        }
    }
}
