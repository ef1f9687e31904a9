internal import Foundation
internal import Yams

/// Parses YAML into a ``JSONValue`` tree, resolving scalars as YAML 1.1 does (`true`, `42`,
/// `1.5e3`, `null`); timestamps and everything else stay strings. Mapping keys must be
/// strings and unique.
enum YAMLTreeParser {
    static func parse(_ data: Data) throws(ContractError) -> JSONValue {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContractError(path: ContractPath(), "not valid YAML: the file is not UTF-8")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ContractError(path: ContractPath(), "not valid YAML: \(error)\(tabHint(error, in: text))")
        }
        guard let root else { throw ContractError(path: ContractPath(), "the YAML document is empty") }
        return try tree(root, at: ContractPath())
    }

    /// A hint when the scanner stopped at a tab, which YAML never allows in indentation (and the
    /// scanner's own message does not name).
    private static func tabHint(_ error: any Error, in text: String) -> String {
        guard case YamlError.scanner(_, _, let mark, _) = error, mark.line >= 1 else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line <= lines.count else { return "" }
        let line = lines[mark.line - 1].unicodeScalars
        let column = mark.column - 1
        guard column >= 0, column < line.count, line[line.index(line.startIndex, offsetBy: column)] == "\t" else {
            return ""
        }
        return
            "\nline \(mark.line) has a tab at column \(mark.column): YAML indents with spaces only; replace the tab with spaces"
    }

    private static func tree(_ node: Node, at path: ContractPath) throws(ContractError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try self.scalar(scalar, at: path)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try tree(element, at: path[index]))
            }
            return .array(elements)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ContractError(path: path, "mapping keys must be strings\(location(key))")
                }
                let name = keyScalar.string
                guard members[name] == nil else {
                    throw ContractError(path: path, "duplicate field \"\(name)\"\(location(key))")
                }
                members[name] = try tree(value, at: path[name])
            }
            return .object(members)
        }
    }

    private static func scalar(_ scalar: Node.Scalar, at path: ContractPath) throws(ContractError) -> JSONValue {
        let node = Node.scalar(scalar)
        switch Tag.Name(rawValue: node.tag.description) {
        case .null:
            return .null
        case .bool:
            guard let value = node.bool else { break }
            return .bool(value)
        case .int:
            if let value = Int64(scalar.string.replacingOccurrences(of: "_", with: "")) { return .integer(value) }
            guard let value = node.int else { break }
            return .integer(Int64(value))
        case .float:
            guard let value = node.float else { break }
            guard value.isFinite else {
                throw ContractError(path: path, "\(scalar.string) is not a finite number\(location(node))")
            }
            return .number(value)
        default:
            return .string(scalar.string)
        }
        throw ContractError(path: path, "cannot read the value \"\(scalar.string)\"\(location(node))")
    }

    private static func location(_ node: Node) -> String {
        guard let mark = node.mark else { return "" }
        return " (line \(mark.line), column \(mark.column))"
    }
}
