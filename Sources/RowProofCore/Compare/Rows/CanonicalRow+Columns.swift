extension CanonicalRow {
    /// Splits the row's canonical bytes into its columns without decoding any value.
    ///
    /// - Returns: One span per column, in column-plan order.
    /// - Throws: ``CompareError/Code-swift.struct/malformedRow`` naming the column and byte offset
    ///   where a header is truncated or a payload runs past the end of the row.
    public func columnRanges() throws -> [ColumnSpan] {
        var spans: [ColumnSpan] = []
        _ = try bytes.withUnsafeBytes { raw in
            try Self.forEachColumn(in: raw) { index, tag, start, payload in
                let end = start + 5 + payload.count
                spans.append(ColumnSpan(tag: tag, encoding: start..<end, payload: (start + 5)..<end))
            }
        }
        return spans
    }

    /// Calls `body` for each value encoding in `raw` with its column index, tag, the offset of its
    /// header, and its payload. Returns the number of columns.
    ///
    /// This is the hot-path form of ``columnRanges()``: it allocates nothing.
    @discardableResult @inline(__always)
    static func forEachColumn(
        in raw: UnsafeRawBufferPointer,
        _ body: (_ index: Int, _ tag: UInt8, _ offset: Int, _ payload: UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        var offset = 0
        var index = 0
        while offset < raw.count {
            guard raw.count - offset >= 5 else {
                throw CompareError(
                    .malformedRow,
                    "row bytes are malformed: column \(index) starts at byte \(offset) but only "
                        + "\(raw.count - offset) bytes remain, fewer than the 5-byte tag and length header; "
                        + "the row was not produced by the canonical row encoder or was truncated in transit"
                )
            }
            let tag = raw[offset]
            let length = Int(raw.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self).bigEndian)
            let start = offset + 5
            guard length <= raw.count - start else {
                throw CompareError(
                    .malformedRow,
                    "row bytes are malformed: column \(index) (tag 0x\(String(tag, radix: 16))) at byte \(offset) "
                        + "declares a \(length)-byte payload but only \(raw.count - start) bytes remain; "
                        + "the row was not produced by the canonical row encoder or was truncated in transit"
                )
            }
            try body(index, tag, offset, UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]))
            offset = start + length
            index += 1
        }
        return index
    }
}
