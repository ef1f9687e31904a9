/// A strict `Decoder` over a parsed ``JSONValue`` tree.
///
/// Unlike `JSONDecoder` it names the expected type in mismatches (`expected an array of
/// strings (got a string "id")`), never converts between strings and numbers, and records the
/// members each model asks for (``KeyUsage``) so unknown members can be rejected.
final class TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let usage: KeyUsage
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey], usage: KeyUsage) {
        self.value = value
        self.codingPath = codingPath
        self.usage = usage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw TreeDecoder.mismatch([String: JSONValue].self, value, codingPath)
        }
        usage.register(codingPath: codingPath, present: members.keys)
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(members: members, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw TreeDecoder.mismatch([JSONValue].self, value, codingPath)
        }
        return TreeUnkeyedContainer(elements: elements, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TreeSingleValueContainer(decoder: self)
    }
}

extension TreeDecoder {
    /// Decodes `value` (found at `codingPath`) as `T`, naming `T` in any mismatch at that path.
    func unbox<T: Decodable>(_ type: T.Type, from value: JSONValue, at codingPath: [any CodingKey]) throws -> T {
        switch type {
        case is JSONValue.Type:
            return value as! T
        case is String.Type:
            return try unboxString(value, at: codingPath) as! T
        case is Bool.Type:
            return try unboxBool(value, at: codingPath) as! T
        case is Double.Type:
            return try unboxDouble(value, at: codingPath, as: T.self) as! T
        default:
            break
        }
        if case .null = value, !(T.self is any OptionalExpectation.Type) {
            throw DecodingError.valueNotFound(
                T.self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "expected \(TypeExpectation.describe(T.self)) (got null)"
                )
            )
        }
        let child = TreeDecoder(value: value, codingPath: codingPath, usage: usage)
        do {
            return try T(from: child)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.count == codingPath.count {
            throw TreeDecoder.mismatch(T.self, value, codingPath)
        }
    }

    func unboxString(_ value: JSONValue, at codingPath: [any CodingKey]) throws -> String {
        guard case .string(let string) = value else { throw TreeDecoder.mismatch(String.self, value, codingPath) }
        return string
    }

    func unboxBool(_ value: JSONValue, at codingPath: [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = value else { throw TreeDecoder.mismatch(Bool.self, value, codingPath) }
        return bool
    }

    func unboxDouble<T>(_ value: JSONValue, at codingPath: [any CodingKey], as type: T.Type) throws -> Double {
        switch value {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        case .null, .bool, .string, .array, .object: throw TreeDecoder.mismatch(type, value, codingPath)
        }
    }

    func unboxInteger<T: FixedWidthInteger>(
        _ value: JSONValue,
        at codingPath: [any CodingKey],
        as type: T.Type
    ) throws -> T {
        switch value {
        case .integer(let integer):
            if let result = T(exactly: integer) { return result }
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath,
                    debugDescription: "\(integer) is out of range for this field"
                )
            )
        case .number(let number) where number.rounded(.towardZero) == number:
            if let result = T(exactly: number) { return result }
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath,
                    debugDescription: "\(number) is out of range for this field"
                )
            )
        case .number, .null, .bool, .string, .array, .object:
            throw TreeDecoder.mismatch(type, value, codingPath)
        }
    }

    static func mismatch(_ expected: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
        .typeMismatch(
            expected,
            .init(
                codingPath: codingPath,
                debugDescription: "expected \(TypeExpectation.describe(expected)) (got \(value.kindDescription))"
            )
        )
    }
}
