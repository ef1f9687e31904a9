/// Turns key encodings (``KeyEncoder``) back into values, for reports and error messages.
public enum KeyDecoder {
    /// Decodes a key encoding into its components.
    ///
    /// Integer components come back as `.decimal`, text exactly as stored.
    /// - Throws: ``CanonicalError/Code-swift.enum/malformedEncoding`` for bytes no key encoder
    ///   wrote (unknown tag, truncated component, missing terminator).
    public static func decode(_ bytes: some Collection<UInt8>) throws(CanonicalError) -> [CanonicalValue] {
        let key = Array(bytes)
        var values: [CanonicalValue] = []
        var offset = 0
        while offset < key.count {
            let (value, next) = try decodeComponent(key, at: offset, position: values.count + 1)
            values.append(value)
            offset = next
        }
        return values
    }

    /// Decodes as many components as are well formed; anything after is returned as one
    /// `.bytes` value so a report can still show it.
    public static func describeKey(_ bytes: some Collection<UInt8>) -> [CanonicalValue] {
        let key = Array(bytes)
        var values: [CanonicalValue] = []
        var offset = 0
        while offset < key.count {
            guard let (value, next) = try? decodeComponent(key, at: offset, position: values.count + 1) else {
                values.append(.bytes(Array(key[offset...])))
                break
            }
            values.append(value)
            offset = next
        }
        return values
    }

    private static func decodeComponent(
        _ key: [UInt8],
        at offset: Int,
        position: Int
    ) throws(CanonicalError) -> (CanonicalValue, Int) {
        guard let tag = KeyTag(rawValue: key[offset]) else {
            throw CanonicalValue.malformed(
                "key component \(position) at offset \(offset) has unknown tag 0x\(CanonicalValue.hexByte(key[offset]))"
            )
        }
        let body = offset + 1
        func fixed(_ size: Int) throws(CanonicalError) -> Int {
            guard key.count - body >= size else {
                throw CanonicalValue.malformed(
                    "key component \(position) (\(tag)) at offset \(offset) needs \(size) bytes, \(key.count - body) remain"
                )
            }
            return body + size
        }
        switch tag {
        case .bool:
            let end = try fixed(1)
            return (.bool(key[body] != 0), end)
        case .integer:
            let end = try fixed(8)
            let value = Int64(bitPattern: CanonicalValue.readUInt64(key, at: body) ^ 0x8000_0000_0000_0000)
            return (.decimal(CanonicalDecimal(integer: value)), end)
        case .date:
            let end = try fixed(4)
            return (.date(days: Int32(bitPattern: CanonicalValue.readUInt32(key, at: body) ^ 0x8000_0000)), end)
        case .time:
            let end = try fixed(8)
            return (
                .time(micros: Int64(bitPattern: CanonicalValue.readUInt64(key, at: body) ^ 0x8000_0000_0000_0000)), end
            )
        case .timestamp:
            let end = try fixed(8)
            return (
                .timestamp(micros: Int64(bitPattern: CanonicalValue.readUInt64(key, at: body) ^ 0x8000_0000_0000_0000)),
                end
            )
        case .uuid:
            let end = try fixed(16)
            return (.uuid(UUIDBytes(Array(key[body..<end]))!), end)
        case .text, .bytes:
            var raw: [UInt8] = []
            var index = body
            while true {
                guard index + 1 < key.count else {
                    throw CanonicalValue.malformed(
                        "key component \(position) (\(tag)) at offset \(offset) has no 0x00 0x00 terminator"
                    )
                }
                let byte = key[index]
                if byte != 0 { raw.append(byte); index += 1; continue }
                if key[index + 1] == 0 { index += 2; break }
                guard key[index + 1] == 0xFF else {
                    throw CanonicalValue.malformed(
                        "key component \(position) (\(tag)) has 0x00 followed by 0x\(CanonicalValue.hexByte(key[index + 1])) at offset \(index)"
                    )
                }
                raw.append(0)
                index += 2
            }
            return (tag == .text ? .text(String(decoding: raw, as: UTF8.self)) : .bytes(raw), index)
        }
    }
}
