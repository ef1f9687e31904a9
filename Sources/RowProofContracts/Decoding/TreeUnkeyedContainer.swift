/// Array elements for ``TreeDecoder``, each at `path[index]`.
struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let decoder: TreeDecoder
    private(set) var currentIndex = 0

    init(elements: [JSONValue], decoder: TreeDecoder) {
        self.elements = elements
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard try peek().isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try peek()
        let result = try decoder.unbox(type, from: value, at: elementPath)
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try TreeDecoder(value: peek(), codingPath: elementPath, usage: decoder.usage)
            .container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try TreeDecoder(value: peek(), codingPath: elementPath, usage: decoder.usage)
            .unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let child = TreeDecoder(value: try peek(), codingPath: elementPath, usage: decoder.usage)
        currentIndex += 1
        return child
    }

    private var elementPath: [any CodingKey] { codingPath + [TreeCodingKey(index: currentIndex)] }

    private func peek() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "array has only \(elements.count) elements"
                )
            )
        }
        return elements[currentIndex]
    }
}
