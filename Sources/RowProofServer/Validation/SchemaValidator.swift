import Foundation
public import RowProofContracts

/// Checks a document against a JSON Schema (the draft 2020-12 keywords RowProof's schemas use)
/// and reports every problem, not only the first.
///
/// Supported keywords: `$ref` (to `#/$defs/…`), `type`, `enum`, `required`, `properties`,
/// `additionalProperties`, `propertyNames`, `items`, `minItems`, `maxItems`, `uniqueItems`,
/// `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `not`, `anyOf`. Annotations (`description`, `title`) are ignored.
public struct SchemaValidator: Sendable {
    private let root: JSONValue

    /// Creates a validator for `schema`, a parsed JSON Schema document.
    public init(schema: JSONValue) {
        self.root = schema
    }

    /// Every problem of `document`, in document order (object members sorted by name).
    public func problems(in document: JSONValue) -> [ContractError] {
        var found: [ContractError] = []
        check(document, against: root, at: ContractPath(), into: &found)
        return found
    }

    private func check(
        _ value: JSONValue,
        against schema: JSONValue,
        at path: ContractPath,
        into found: inout [ContractError]
    ) {
        guard case .object(let rules) = schema else { return }
        if case .string(let reference)? = rules["$ref"], let target = resolve(reference) {
            check(value, against: target, at: path, into: &found)
        }
        if case .string(let type)? = rules["type"], !Self.value(value, hasType: type) {
            found.append(ContractError(path: path, "expected \(Self.article(type)) (got \(value.kindDescription))"))
            return
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(value) {
            let names = allowed.map { if case .string(let text) = $0 { text } else { "\($0)" } }
            found.append(
                ContractError(
                    path: path,
                    "unknown value \(value.kindDescription); use one of: \(names.joined(separator: ", "))"
                )
            )
        }
        checkString(value, rules, at: path, into: &found)
        checkNumber(value, rules, at: path, into: &found)
        checkArray(value, rules, at: path, into: &found)
        checkObject(value, rules, at: path, into: &found)
        if let negated = rules["not"] {
            var inner: [ContractError] = []
            check(value, against: negated, at: path, into: &inner)
            if inner.isEmpty { found.append(ContractError(path: path, Self.describeNot(negated))) }
        }
        if case .array(let branches)? = rules["anyOf"] {
            let matches = branches.contains { branch in
                var inner: [ContractError] = []
                check(value, against: branch, at: path, into: &inner)
                return inner.isEmpty
            }
            if !matches { found.append(ContractError(path: path, Self.describeAnyOf(branches))) }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case .object(let members) = node, let next = members[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func checkString(
        _ value: JSONValue,
        _ rules: [String: JSONValue],
        at path: ContractPath,
        into found: inout [ContractError]
    ) {
        guard case .string(let text) = value else { return }
        let length = text.unicodeScalars.count
        if let minimum = rules["minLength"].flatMap(Self.number), Double(length) < minimum {
            found.append(
                ContractError(
                    path: path,
                    length == 0
                        ? "must not be empty" : "must be at least \(Int(minimum)) characters long (got \(length))"
                )
            )
        }
        if let maximum = rules["maxLength"].flatMap(Self.number), Double(length) > maximum {
            found.append(ContractError(path: path, "must be at most \(Int(maximum)) characters long (got \(length))"))
        }
        if case .string(let pattern)? = rules["pattern"],
            let expression = try? NSRegularExpression(pattern: pattern),
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            found.append(ContractError(path: path, "\(value.kindDescription) does not match the pattern \(pattern)"))
        }
    }

    private func checkNumber(
        _ value: JSONValue,
        _ rules: [String: JSONValue],
        at path: ContractPath,
        into found: inout [ContractError]
    ) {
        guard let number = Self.number(value) else { return }
        let shown = Self.show(value)
        if let minimum = rules["minimum"].flatMap(Self.number), number < minimum {
            found.append(ContractError(path: path, "must be >= \(Self.show(minimum)) (got \(shown))"))
        }
        if let maximum = rules["maximum"].flatMap(Self.number), number > maximum {
            found.append(ContractError(path: path, "must be <= \(Self.show(maximum)) (got \(shown))"))
        }
        if let minimum = rules["exclusiveMinimum"].flatMap(Self.number), number <= minimum {
            found.append(ContractError(path: path, "must be > \(Self.show(minimum)) (got \(shown))"))
        }
        if let maximum = rules["exclusiveMaximum"].flatMap(Self.number), number >= maximum {
            found.append(ContractError(path: path, "must be < \(Self.show(maximum)) (got \(shown))"))
        }
    }

    private func checkArray(
        _ value: JSONValue,
        _ rules: [String: JSONValue],
        at path: ContractPath,
        into found: inout [ContractError]
    ) {
        guard case .array(let elements) = value else { return }
        if let minimum = rules["minItems"].flatMap(Self.number), Double(elements.count) < minimum {
            found.append(
                ContractError(
                    path: path,
                    "needs at least \(Int(minimum)) item\(minimum == 1 ? "" : "s") (got \(elements.count))"
                )
            )
        }
        if let maximum = rules["maxItems"].flatMap(Self.number), Double(elements.count) > maximum {
            found.append(ContractError(path: path, "takes at most \(Int(maximum)) items (got \(elements.count))"))
        }
        if case .bool(true)? = rules["uniqueItems"] {
            var seen = Set<JSONValue>()
            for (index, element) in elements.enumerated() where !seen.insert(element).inserted {
                found.append(ContractError(path: path[index], "\(element.kindDescription) is listed twice"))
            }
        }
        if let items = rules["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: path[index], into: &found)
            }
        }
    }

    private func checkObject(
        _ value: JSONValue,
        _ rules: [String: JSONValue],
        at path: ContractPath,
        into found: inout [ContractError]
    ) {
        guard case .object(let members) = value else { return }
        var properties: [String: JSONValue] = [:]
        if case .object(let declared)? = rules["properties"] { properties = declared }
        if case .array(let required)? = rules["required"] {
            for case .string(let name) in required where members[name] == nil {
                found.append(ContractError(path: path[name], "required field is missing"))
            }
        }
        for name in members.keys.sorted() {
            guard let member = members[name] else { continue }
            if let names = rules["propertyNames"] { check(.string(name), against: names, at: path[name], into: &found) }
            if let declared = properties[name] {
                check(member, against: declared, at: path[name], into: &found)
                continue
            }
            switch rules["additionalProperties"] {
            case .bool(false)?:
                found.append(
                    ContractError(
                        path: path[name],
                        "unknown field \"\(name)\"; known fields: \(properties.keys.sorted().joined(separator: ", "))"
                    )
                )
            case .object?:
                check(member, against: rules["additionalProperties"] ?? .null, at: path[name], into: &found)
            default:
                break
            }
        }
    }
}

extension SchemaValidator {
    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
        case ("integer", .integer), ("number", .integer), ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number && number.isFinite
        default: false
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        default: nil
        }
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .integer(let integer): "\(integer)"
        case .number(let number): show(number)
        default: value.kindDescription
        }
    }

    static func show(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? "\(Int64(number))" : "\(number)"
    }

    static func article(_ type: String) -> String {
        type == "object" || type == "array" || type == "integer" ? "an \(type)" : "a \(type)"
    }

    static func requiredNames(_ schema: JSONValue) -> [String]? {
        guard case .object(let rules) = schema, rules.count == 1, case .array(let names)? = rules["required"] else {
            return nil
        }
        return names.compactMap { if case .string(let name) = $0 { name } else { nil } }
    }

    static func describeNot(_ negated: JSONValue) -> String {
        if let names = requiredNames(negated) {
            return "give at most one of \(names.joined(separator: ", ")), not all of them"
        }
        return "matches a form the schema forbids"
    }

    static func describeAnyOf(_ branches: [JSONValue]) -> String {
        let names = branches.compactMap(requiredNames)
        if names.count == branches.count {
            return "needs at least one of: \(names.flatMap { $0 }.joined(separator: ", "))"
        }
        return "does not match any of the \(branches.count) allowed forms"
    }
}
