/// A single value for ``TreeDecoder``.
struct TreeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.unboxBool(decoder.value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try decoder.unboxString(decoder.value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double {
        try decoder.unboxDouble(decoder.value, at: codingPath, as: type)
    }
    func decode(_ type: Float.Type) throws -> Float {
        Float(try decoder.unboxDouble(decoder.value, at: codingPath, as: type))
    }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.unbox(type, from: decoder.value, at: codingPath)
    }

    private func integer<T: FixedWidthInteger>() throws -> T {
        try decoder.unboxInteger(decoder.value, at: codingPath, as: T.self)
    }
}
