/// Reads what ``ByteWriter`` wrote, checking every length against the bytes left and the limits.
///
/// Every read throws on truncation or an over-limit length: a hostile or corrupted frame can make
/// decoding fail, never crash or allocate without bound.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int = 0
    let limits: WireLimits

    init(_ bytes: [UInt8], limits: WireLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var remaining: Int { bytes.count - offset }

    private func truncated(_ what: String) -> WireError {
        WireError(
            operation: "decoding a frame",
            reason: "truncated: \(what) needs more than the \(remaining) bytes left at offset \(offset)"
        )
    }

    mutating func readByte(_ what: String) throws(WireError) -> UInt8 {
        guard remaining >= 1 else { throw truncated(what) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(WireError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw truncated(what) }
        var value: T = 0
        for index in 0..<size { value = value << 8 | T(bytes[offset + index]) }
        offset += size
        return value
    }

    mutating func readBool(_ what: String) throws(WireError) -> Bool {
        switch try readByte(what) {
        case 0: return false
        case 1: return true
        case let other:
            throw WireError(operation: "decoding a frame", reason: "\(what): \(other) is not a boolean (0 or 1)")
        }
    }

    mutating func readBlob(_ what: String, limit: Int) throws(WireError) -> [UInt8] {
        let count = Int(try read(UInt32.self, "\(what) length"))
        guard count <= limit else {
            throw WireError(
                operation: "decoding a frame",
                reason: "\(what) is \(count) bytes, over the \(limit)-byte limit"
            )
        }
        guard remaining >= count else { throw truncated(what) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readString(_ what: String) throws(WireError) -> String {
        let blob = try readBlob(what, limit: limits.maximumStringBytes)
        guard let string = String(validating: blob, as: UTF8.self) else {
            throw WireError(operation: "decoding a frame", reason: "\(what) is not valid UTF-8")
        }
        return string
    }

    func expectEnd() throws(WireError) {
        guard remaining == 0 else {
            throw WireError(operation: "decoding a frame", reason: "\(remaining) unexpected bytes after the message")
        }
    }
}
