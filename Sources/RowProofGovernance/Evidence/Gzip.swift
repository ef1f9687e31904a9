/// gzip (RFC 1952) with deflate *stored* blocks (RFC 1951 §3.2.4): no compression, but a valid
/// `.gz` stream that `gzip -d` and `tar -xzf` read.
///
/// RowProof has no zlib; stored blocks keep the format standard without writing a compressor.
/// ``decompressStored(_:)`` reads only stored blocks, which is everything ``compressStored(_:)``
/// writes; a stream with compressed blocks (from `gzip` or `tar -czf`) is refused with
/// ``EvidenceError/Code-swift.struct/unsupportedArchive``.
enum Gzip {
    private static let maximumBlock = 65_535

    /// Wraps `bytes` in a gzip stream of stored deflate blocks.
    ///
    /// - Parameter modificationTime: Seconds since 1970 written in the header (0: unknown).
    static func compressStored(_ bytes: [UInt8], modificationTime: UInt32 = 0) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00]
        out.appendLittleEndian(modificationTime)
        out.append(contentsOf: [0x00, 0xFF])  // XFL none, OS unknown
        out.reserveCapacity(bytes.count + bytes.count / maximumBlock * 5 + 32)
        var offset = 0
        repeat {
            let length = min(maximumBlock, bytes.count - offset)
            let isFinal = offset + length == bytes.count
            out.append(isFinal ? 0x01 : 0x00)  // BFINAL, BTYPE 00 (stored); the rest of the byte pads
            out.appendLittleEndian(UInt16(length))
            out.appendLittleEndian(~UInt16(length))
            out.append(contentsOf: bytes[offset..<offset + length])
            offset += length
        } while offset < bytes.count
        out.appendLittleEndian(CRC32.checksum(bytes))
        out.appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    /// Reads a gzip stream made of stored deflate blocks and checks its CRC-32 and length.
    ///
    /// - Throws: ``EvidenceError`` naming the byte offset of the problem.
    static func decompressStored(_ bytes: [UInt8]) throws(EvidenceError) -> [UInt8] {
        var reader = ByteReader(bytes)
        guard try reader.read(2) == [0x1F, 0x8B] else {
            throw EvidenceError(.unreadableArchive, "not a gzip file (no 1f 8b magic at offset 0)")
        }
        guard try reader.byte() == 0x08 else { throw EvidenceError(.unreadableArchive, "gzip method is not deflate") }
        let flags = try reader.byte()
        _ = try reader.read(6)  // mtime, xfl, os
        if flags & 0x04 != 0 { _ = try reader.read(Int(try reader.uint16())) }  // FEXTRA
        if flags & 0x08 != 0 { try reader.skipZeroTerminated() }  // FNAME
        if flags & 0x10 != 0 { try reader.skipZeroTerminated() }  // FCOMMENT
        if flags & 0x02 != 0 { _ = try reader.read(2) }  // FHCRC
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        while true {
            let offset = reader.offset
            let header = try reader.byte()
            guard (header >> 1) & 0x03 == 0 else {
                throw EvidenceError(
                    .unsupportedArchive,
                    "compressed deflate block at byte \(offset): this reader reads only the stored-block packs "
                        + "`rowproof evidence build` writes; extract the archive with `tar -xzf` and verify the folder instead"
                )
            }
            let length = try reader.uint16()
            let complement = try reader.uint16()
            guard length == ~complement else {
                throw EvidenceError(.unreadableArchive, "stored block at byte \(offset): LEN and NLEN do not match")
            }
            out.append(contentsOf: try reader.read(Int(length)))
            if header & 0x01 == 1 { break }
        }
        let crc = try reader.uint32()
        let size = try reader.uint32()
        guard crc == CRC32.checksum(out) else {
            throw EvidenceError(.unreadableArchive, "gzip CRC-32 mismatch: the archive is damaged")
        }
        guard size == UInt32(truncatingIfNeeded: out.count) else {
            throw EvidenceError(.unreadableArchive, "gzip length mismatch: the archive is damaged")
        }
        return out
    }
}

/// Reads little-endian fields from a byte array, throwing on truncation.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(_ count: Int) throws(EvidenceError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw EvidenceError(
                .unreadableArchive,
                "gzip stream truncated at byte \(offset) (wanted \(count) more bytes)"
            )
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func byte() throws(EvidenceError) -> UInt8 { try read(1).first! }

    mutating func uint16() throws(EvidenceError) -> UInt16 {
        let b = try read(2)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }

    mutating func uint32() throws(EvidenceError) -> UInt32 {
        let b = try read(4)
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[b.startIndex + $1]) << (8 * UInt32($1)) }
    }

    mutating func skipZeroTerminated() throws(EvidenceError) {
        while try byte() != 0 {}
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
