import RowProofCore
import Testing

@Suite struct KeySamplerTests {
    /// The reusable SHA-256 context gives the same sampling value and selection as the one-shot
    /// digest, key after key (so no state leaks from one key into the next).
    @Test func agreesWithSamplerKeyAfterKey() throws {
        let sampler = try Sampler(modulus: 100, threshold: 7)
        let keySampler = KeySampler(sampler)
        var encoder = KeyEncoder()
        var selected = 0
        for value in Int64(-500)..<2_500 {
            encoder.reset()
            encoder.appendInteger(value)
            if value % 3 == 0 { encoder.appendText("k\(value)-\(String(repeating: "x", count: Int(value.magnitude % 90)))") }
            let key = encoder.bytes
            #expect(key.withUnsafeBytes { keySampler.sampleValue(key: $0) } == Sampler.sampleValue(key: key))
            #expect(keySampler.isSelected(key: key) == sampler.isSelected(key: key))
            if keySampler.isSelected(key: key) { selected += 1 }
        }
        #expect(selected > 0 && selected < 3_000)
        let empty: [UInt8] = []
        #expect(empty.withUnsafeBytes { keySampler.sampleValue(key: $0) } == Sampler.sampleValue(key: empty))
    }
}
