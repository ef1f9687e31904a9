/// POSIX ustar archives (POSIX.1-1988 / IEEE 1003.1 `ustar`), regular files only.
///
/// Written deterministically: mode 0644, uid/gid 0, owner `rowproof`, one modification time for
/// every entry, so the same files always give the same bytes. Paths up to 255 bytes are split
/// between the `prefix` and `name` fields, as ustar allows.
enum TarArchive {
    static let blockSize = 512

    /// Returns the archive of `entries`, in order, with the two zero blocks that end it.
    static func write(_ entries: [TarEntry], modificationTime: Int) throws(EvidenceError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(1024) { $0 + 512 + $1.contents.count + 511 })
        for entry in entries {
            out.append(contentsOf: try header(for: entry, modificationTime: modificationTime))
            out.append(contentsOf: entry.contents)
            let padding = (blockSize - entry.contents.count % blockSize) % blockSize
            out.append(contentsOf: repeatElement(0, count: padding))
        }
        out.append(contentsOf: repeatElement(0, count: 2 * blockSize))
        return out
    }

    private static func header(for entry: TarEntry, modificationTime: Int) throws(EvidenceError) -> [UInt8] {
        let (prefix, name) = try split(entry.path)
        var block = [UInt8](repeating: 0, count: blockSize)
        put(name, at: 0, width: 100, in: &block)
        put(octal(0o644, width: 8), at: 100, width: 8, in: &block)
        put(octal(0, width: 8), at: 108, width: 8, in: &block)
        put(octal(0, width: 8), at: 116, width: 8, in: &block)
        put(octal(entry.contents.count, width: 12), at: 124, width: 12, in: &block)
        put(octal(modificationTime, width: 12), at: 136, width: 12, in: &block)
        put("        ", at: 148, width: 8, in: &block)  // checksum is computed over spaces here
        block[156] = UInt8(ascii: "0")
        put("ustar", at: 257, width: 6, in: &block)
        put("00", at: 263, width: 2, in: &block)
        put("rowproof", at: 265, width: 32, in: &block)
        put("rowproof", at: 297, width: 32, in: &block)
        put(prefix, at: 345, width: 155, in: &block)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7), at: 148, width: 7, in: &block)  // six digits, NUL, then the space left above
        return block
    }

    /// Splits `path` into ustar's prefix and name fields.
    private static func split(_ path: String) throws(EvidenceError) -> (prefix: String, name: String) {
        let bytes = Array(path.utf8)
        if bytes.count <= 100 { return ("", path) }
        for index in bytes.indices.reversed() where bytes[index] == UInt8(ascii: "/") {
            if index <= 155, bytes.count - index - 1 <= 100, index > 0 {
                return (
                    String(decoding: bytes[..<index], as: UTF8.self),
                    String(decoding: bytes[(index + 1)...], as: UTF8.self)
                )
            }
        }
        throw EvidenceError(
            .invalidInput,
            "path \"\(path)\" is too long for a ustar archive (at most 100 bytes after the last 155-byte folder prefix)"
        )
    }

    private static func octal(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
    }

    private static func put(_ text: String, at offset: Int, width: Int, in block: inout [UInt8]) {
        for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
    }
}
