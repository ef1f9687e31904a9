extension CanonicalValue {
    /// Decodes a row's canonical bytes back into values (the inverse of ``RowEncoder``).
    ///
    /// Text comes back in NFC and JSON in its canonical form, as they were encoded.
    /// - Throws: ``CanonicalError/Code-swift.enum/malformedEncoding`` for bytes no encoder wrote
    ///   (truncated, unknown tag, wrong payload length), naming the value and offset.
    public static func decodeRow(_ canonicalRow: some Collection<UInt8>) throws(CanonicalError) -> [CanonicalValue] {
        let bytes = Array(canonicalRow)
        var values: [CanonicalValue] = []
        var offset = 0
        while offset < bytes.count {
            let (value, next) = try decodeValue(
                bytes,
                at: offset,
                position: "value \(values.count + 1)",
                allowArray: true
            )
            values.append(value)
            offset = next
        }
        return values
    }

    /// Decodes one value from its tag and payload.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/malformedEncoding`` for an unknown tag or a
    ///   payload that tag cannot have.
    public static func decode(tag: UInt8, payload: some Collection<UInt8>) throws(CanonicalError) -> CanonicalValue {
        guard let valueTag = ValueTag(rawValue: tag) else {
            throw malformed("unknown value tag 0x\(hexByte(tag))")
        }
        return try decodePayload(valueTag, Array(payload)[...], position: "the value", allowArray: true)
    }

    private static func decodeValue(
        _ bytes: [UInt8],
        at offset: Int,
        position: String,
        allowArray: Bool
    ) throws(CanonicalError) -> (CanonicalValue, Int) {
        guard bytes.count - offset >= 5 else {
            throw malformed(
                "\(position) at offset \(offset): \(bytes.count - offset) byte(s) left, fewer than the 5-byte header"
            )
        }
        guard let tag = ValueTag(rawValue: bytes[offset]) else {
            throw malformed("\(position) at offset \(offset) has unknown tag 0x\(hexByte(bytes[offset]))")
        }
        let length = Int(readUInt32(bytes, at: offset + 1))
        let start = offset + 5
        guard length <= bytes.count - start else {
            throw malformed(
                "\(position) at offset \(offset) declares \(length) payload bytes but \(bytes.count - start) remain"
            )
        }
        let value = try decodePayload(
            tag,
            bytes[start..<start + length],
            position: "\(position) at offset \(offset)",
            allowArray: allowArray
        )
        return (value, start + length)
    }

    private static func decodePayload(
        _ tag: ValueTag,
        _ payload: ArraySlice<UInt8>,
        position: String,
        allowArray: Bool
    ) throws(CanonicalError) -> CanonicalValue {
        func requireLength(_ expected: Int) throws(CanonicalError) {
            guard payload.count == expected else {
                throw malformed("\(position): a \(tag) payload has \(expected) bytes, found \(payload.count)")
            }
        }
        let base = payload.startIndex
        switch tag {
        case .null:
            try requireLength(0)
            return .null
        case .bool:
            try requireLength(1)
            guard payload[base] <= 1 else { throw malformed("\(position): a bool payload is 0x00 or 0x01") }
            return .bool(payload[base] == 1)
        case .decimal:
            do {
                return .decimal(try CanonicalDecimal(parsing: String(decoding: payload, as: UTF8.self)))
            } catch {
                throw malformed("\(position): \(error.detail)")
            }
        case .float:
            try requireLength(8)
            return .float(Double(bitPattern: readUInt64(payload, at: base)))
        case .text, .json:
            let text = try decodeUTF8(payload, position: position)
            return tag == .text ? .text(text) : .json(text)
        case .bytes:
            return .bytes(Array(payload))
        case .date:
            try requireLength(4)
            return .date(days: Int32(bitPattern: readUInt32(payload, at: base)))
        case .time:
            try requireLength(8)
            return .time(micros: Int64(bitPattern: readUInt64(payload, at: base)))
        case .timestamp:
            try requireLength(8)
            return .timestamp(micros: Int64(bitPattern: readUInt64(payload, at: base)))
        case .interval:
            try requireLength(16)
            return .interval(
                months: Int32(bitPattern: readUInt32(payload, at: base)),
                days: Int32(bitPattern: readUInt32(payload, at: base + 4)),
                micros: Int64(bitPattern: readUInt64(payload, at: base + 8))
            )
        case .uuid:
            try requireLength(16)
            return .uuid(UUIDBytes(Array(payload))!)
        case .array:
            guard allowArray else { throw malformed("\(position): an array inside an array") }
            guard payload.count >= 4 else {
                throw malformed("\(position): an array payload starts with a 4-byte count")
            }
            let count = Int(readUInt32(payload, at: base))
            let elementBytes = Array(payload.dropFirst(4))
            var elements: [CanonicalValue] = []
            var offset = 0
            while offset < elementBytes.count {
                let (element, next) = try decodeValue(
                    elementBytes,
                    at: offset,
                    position: "\(position), element \(elements.count + 1)",
                    allowArray: false
                )
                elements.append(element)
                offset = next
            }
            guard elements.count == count else {
                throw malformed("\(position): the array declares \(count) element(s) but holds \(elements.count)")
            }
            return .array(elements)
        }
    }

    private static func decodeUTF8(_ payload: ArraySlice<UInt8>, position: String) throws(CanonicalError) -> String {
        let result = payload.withUnsafeBytes { UTF8Validator.validate($0) }
        if case .failure(let failure) = result { throw malformed("\(position): \(failure.detail)") }
        return String(decoding: payload, as: UTF8.self)
    }

    static func readUInt32<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> UInt32
    where Bytes.Index == Int {
        var value: UInt32 = 0
        for position in index..<index + 4 { value = value << 8 | UInt32(bytes[position]) }
        return value
    }

    static func readUInt64<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> UInt64
    where Bytes.Index == Int {
        var value: UInt64 = 0
        for position in index..<index + 8 { value = value << 8 | UInt64(bytes[position]) }
        return value
    }

    static func malformed(_ detail: String) -> CanonicalError {
        CanonicalError(.malformedEncoding, detail + "; these bytes were not written by a canonical encoder")
    }

    static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }
}
