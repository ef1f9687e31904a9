import RowProofWire
import Testing

@Suite struct LZ4FrameTests {
    /// 10 MB of mixed content: runs of repeated text (compressible) and pseudo-random bytes (not).
    static func mixedData(byteCount: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        let text = Array("id=42,status=shipped,note=hello world;".utf8)
        while out.count < byteCount {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if state >> 63 == 0 {
                out.append(contentsOf: text.prefix(byteCount - out.count))
            } else {
                for _ in 0..<min(64, byteCount - out.count) {
                    state ^= state << 13
                    state ^= state >> 7
                    state ^= state << 17
                    out.append(UInt8(truncatingIfNeeded: state))
                }
            }
        }
        return out
    }

    @Test func roundTripsTenMegabytesOfMixedData() throws {
        let input = Self.mixedData(byteCount: 10 * 1024 * 1024)
        let frame = try LZ4Frame.compress(input)
        #expect(frame.count < input.count)
        #expect(Array(frame.prefix(4)) == [0x04, 0x22, 0x4D, 0x18])  // LZ4 frame magic number
        let output = try LZ4Frame.decompress(frame, maximumSize: input.count)
        #expect(output == input)
    }

    @Test func emptyInputRoundTrips() throws {
        let frame = try LZ4Frame.compress([])
        #expect(try LZ4Frame.decompress(frame, maximumSize: 0) == [])
    }

    @Test func truncatedFrameIsRefused() throws {
        let frame = try LZ4Frame.compress(Self.mixedData(byteCount: 100_000))
        #expect(throws: WireError.self) { try LZ4Frame.decompress(Array(frame.dropLast(10)), maximumSize: 1 << 20) }
    }

    @Test func corruptedFrameIsRefusedByTheChecksum() throws {
        var frame = try LZ4Frame.compress(Self.mixedData(byteCount: 100_000))
        frame[frame.count / 2] ^= 0xFF
        #expect(throws: WireError.self) { try LZ4Frame.decompress(frame, maximumSize: 1 << 20) }
    }

    @Test func outputAboveTheLimitIsRefused() throws {
        let frame = try LZ4Frame.compress([UInt8](repeating: 7, count: 1_000_000))
        let error = #expect(throws: WireError.self) { try LZ4Frame.decompress(frame, maximumSize: 1000) }
        #expect(error?.reason.contains("limit") == true)
    }

    @Test func trailingGarbageIsRefused() throws {
        let frame = try LZ4Frame.compress(Array("hello".utf8))
        #expect(throws: WireError.self) { try LZ4Frame.decompress(frame + [1, 2, 3], maximumSize: 100) }
    }
}
