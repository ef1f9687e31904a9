extension TarArchive {
    /// Reads the regular files of a ustar (or GNU/pax-compatible, plain-header) archive.
    ///
    /// Directory entries are skipped. pax extended headers and GNU long names are refused with
    /// ``EvidenceError/Code-swift.struct/unsupportedArchive``: RowProof never writes them, and a
    /// pack that needs them was not written by RowProof.
    /// - Throws: ``EvidenceError`` naming the offset and the entry that could not be read.
    static func read(_ bytes: [UInt8]) throws(EvidenceError) -> [TarEntry] {
        var entries: [TarEntry] = []
        var offset = 0
        while offset + blockSize <= bytes.count {
            let header = bytes[offset..<offset + blockSize]
            if header.allSatisfy({ $0 == 0 }) { return entries }
            let name = text(header, 0, 100)
            let stored = octalValue(header, 148, 8)
            var sum = 0
            for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 32 : Int(byte) }
            guard let stored, stored == sum else {
                throw EvidenceError(
                    .unreadableArchive,
                    "tar header at byte \(offset) (\"\(name)\") has a bad checksum: the archive is damaged"
                )
            }
            guard let size = octalValue(header, 124, 12) else {
                throw EvidenceError(
                    .unreadableArchive,
                    "tar header at byte \(offset) (\"\(name)\") has an unreadable size"
                )
            }
            let prefix = text(header, 345, 155)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let type = header[header.startIndex + 156]
            let dataStart = offset + blockSize
            guard dataStart + size <= bytes.count else {
                throw EvidenceError(.unreadableArchive, "tar entry \"\(path)\" is truncated (\(size) bytes announced)")
            }
            switch type {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                entries.append(TarEntry(path: path, contents: Array(bytes[dataStart..<dataStart + size])))
            case UInt8(ascii: "5"):
                break
            default:
                throw EvidenceError(
                    .unsupportedArchive,
                    "tar entry \"\(path)\" has type '\(Character(UnicodeScalar(type)))'; an evidence pack holds regular files only"
                )
            }
            offset = dataStart + (size + blockSize - 1) / blockSize * blockSize
        }
        throw EvidenceError(.unreadableArchive, "tar archive ends without its end-of-archive blocks: it is truncated")
    }

    private static func text(_ block: ArraySlice<UInt8>, _ offset: Int, _ width: Int) -> String {
        let field = block[(block.startIndex + offset)..<(block.startIndex + offset + width)]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func octalValue(_ block: ArraySlice<UInt8>, _ offset: Int, _ width: Int) -> Int? {
        let trimmed = text(block, offset, width).trimmingSpaces
        return trimmed.isEmpty ? 0 : Int(trimmed, radix: 8)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
