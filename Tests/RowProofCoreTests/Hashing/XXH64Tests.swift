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
