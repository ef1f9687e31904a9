internal import CLZ4

/// The LZ4 frame format (with content checksum), as chunk results travel on the wire.
public enum LZ4Frame {
    /// Compresses `input` into one LZ4 frame with a content checksum and the content size recorded.
    public static func compress(_ input: [UInt8]) throws(WireError) -> [UInt8] {
        var preferences = LZ4F_preferences_t()
        preferences.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled
        preferences.frameInfo.contentSize = UInt64(input.count)
        let bound = LZ4F_compressFrameBound(input.count, &preferences)
        var output = [UInt8](repeating: 0, count: bound)
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                LZ4F_compressFrame(target.baseAddress, target.count, source.baseAddress, source.count, &preferences)
            }
        }
        if LZ4F_isError(written) != 0 {
            throw WireError(operation: "LZ4F_compressFrame", reason: String(cString: LZ4F_getErrorName(written)))
        }
        output.removeSubrange(written...)
        return output
    }

    /// Decompresses one LZ4 frame, refusing output larger than `maximumSize` bytes.
    ///
    /// A truncated, corrupted or trailing-garbage frame throws; it never returns partial data.
    public static func decompress(_ input: [UInt8], maximumSize: Int) throws(WireError) -> [UInt8] {
        var context: OpaquePointer?
        let created = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
        guard LZ4F_isError(created) == 0, let context else {
            throw WireError(operation: "LZ4F_createDecompressionContext", reason: "out of memory")
        }
        defer { LZ4F_freeDecompressionContext(context) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var consumed = 0
        var finished = false
        var failure: String?
        input.withUnsafeBytes { source in
            while consumed < source.count {
                var sourceSize = source.count - consumed
                var targetSize = chunk.count
                let hint = chunk.withUnsafeMutableBytes { target in
                    LZ4F_decompress(
                        context,
                        target.baseAddress,
                        &targetSize,
                        source.baseAddress! + consumed,
                        &sourceSize,
                        nil
                    )
                }
                if LZ4F_isError(hint) != 0 {
                    failure = String(cString: LZ4F_getErrorName(hint))
                    return
                }
                consumed += sourceSize
                output.append(contentsOf: chunk[0..<targetSize])
                if output.count > maximumSize {
                    failure = "content exceeds the \(maximumSize)-byte limit"
                    return
                }
                if hint == 0 {
                    finished = true
                    return
                }
                if sourceSize == 0 && targetSize == 0 { return }
            }
        }
        if let failure { throw WireError(operation: "decompressing an LZ4 frame", reason: failure) }
        guard finished else {
            throw WireError(operation: "decompressing an LZ4 frame", reason: "the frame is truncated")
        }
        guard consumed == input.count else {
            throw WireError(
                operation: "decompressing an LZ4 frame",
                reason: "\(input.count - consumed) bytes follow the end of the frame"
            )
        }
        return output
    }
}
