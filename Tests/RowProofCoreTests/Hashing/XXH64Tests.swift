import RowProofCore
import Testing

/// libxxhash through RowProofCore: the published XXH64 vectors (seed 0).
@Suite struct XXH64Tests {
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("The quick brown fox jumps over the lazy dog", 0x0B24_2D36_1FDA_71BC),
    ])
    func publishedVectors(input: String, expected: UInt64) {
        #expect(XXH64.hash(Array(input.utf8), seed: 0) == expected)
    }

    @Test func theRowSeedChangesTheHash() {
        let bytes = Array("abc".utf8)
        #expect(XXH64.rowSeed == 0x526F_7750_726F_6F66)
        #expect(XXH64.hash(bytes) != XXH64.hash(bytes, seed: 0))
        #expect(bytes.withUnsafeBytes { XXH64.hash($0) } == XXH64.hash(bytes))
    }
}

/// The Swift one-shot XXH64 against libxxhash: every length from 0 to 300 bytes, every
/// alignment of the start, three seeds.
@Suite struct XXH64ReferenceTests {
    @Test(arguments: [0 as UInt64, XXH64.rowSeed, .max])
    func swiftAgreesWithLibxxhash(seed: UInt64) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D ^ seed
        let bytes: [UInt8] = (0..<320).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        bytes.withUnsafeBytes { all in
            for start in 0..<8 {
                for length in 0...300 {
                    let slice = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
                    let swift = XXH64.hash(slice, seed: seed)
                    let reference = XXH64.referenceHash(slice, seed: seed)
                    #expect(swift == reference, "length \(length) at offset \(start), seed \(seed)")
                }
            }
        }
    }
}
