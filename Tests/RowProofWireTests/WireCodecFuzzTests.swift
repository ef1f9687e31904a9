import RowProofWire
import Testing

/// Random, truncated, bit-flipped, spliced and oversized frames: decoding may refuse them but must
/// never crash, hang or return a message that does not re-encode to the same bytes.
@Suite struct WireCodecFuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func hundredThousandMutatedFramesNeverCrashTheDecoder() throws {
        var random = SplitMix64(state: 20_261_129)
        let seeds = WireCodecTests.samples.map(WireCodec.encode)
        let limits = WireLimits(
            maximumFrameBytes: 1 << 16,
            maximumStringBytes: 4096,
            maximumPlanBytes: 8192,
            maximumLeaseIDs: 64
        )
        var accepted = 0
        var refused = 0
        for iteration in 0..<100_000 {
            var frame = seeds[Int.random(in: 0..<seeds.count, using: &random)]
            switch iteration % 5 {
            case 0:  // random bytes, sometimes with a valid header
                frame = (0..<Int.random(in: 0..<64, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
                if Bool.random(using: &random) {
                    frame = [0x52, 0x50, 1, UInt8.random(in: 1...7, using: &random)] + frame
                }
            case 1:  // truncated
                frame = Array(frame.prefix(Int.random(in: 0..<frame.count, using: &random)))
            case 2:  // bit flips
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<frame.count, using: &random)
                    frame[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                }
            case 3:  // spliced with another frame
                let other = seeds[Int.random(in: 0..<seeds.count, using: &random)]
                frame =
                    Array(frame.prefix(Int.random(in: 0...frame.count, using: &random)))
                    + Array(other.suffix(Int.random(in: 0...other.count, using: &random)))
            default:  // oversized: a length field or the whole frame
                if Bool.random(using: &random), frame.count > 8 {
                    frame.replaceSubrange(
                        4..<8,
                        with: (0..<4).map { _ in UInt8.random(in: 0x80...0xFF, using: &random) }
                    )
                } else {
                    frame += [UInt8](repeating: 0x41, count: (1 << 16) + 1)
                }
            }
            do {
                let message = try WireCodec.decode(frame, limits: limits)
                #expect(
                    WireCodec.encode(message) == frame,
                    "accepted frame \(iteration) does not re-encode identically"
                )
                accepted += 1
            } catch {
                refused += 1
            }
        }
        #expect(accepted + refused == 100_000)
        #expect(refused > 50_000)
    }
}
