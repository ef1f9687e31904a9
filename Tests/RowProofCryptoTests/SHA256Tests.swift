import RowProofCrypto
import Testing

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(
            SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite struct SHA256IncrementalTests {
    @Test func incrementalMatchesOneShot() {
        let hasher = SHA256Hasher()
        hasher.update(Array("ab".utf8))
        hasher.update(Array("c".utf8))
        #expect(Hex.encode(hasher.finalize()) == SHA256.hexDigest(Array("abc".utf8)))
    }

    @Test func prefix64IsTheFirstEightBytesBigEndian() {
        let bytes = Array("abc".utf8)
        let value = bytes.withUnsafeBytes { SHA256.prefix64($0) }
        #expect(value == 0xba78_16bf_8f01_cfea)
    }

    /// The sampling path (direct block function) agrees with the EVP digest for every length
    /// around the block and padding boundaries, on one input after another.
    @Test func prefix64AgreesWithTheDigestAtEveryLength() {
        for length in 0...200 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            let digest = SHA256.hash(bytes)
            let expected = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(bytes.withUnsafeBytes { SHA256.prefix64($0) } == expected, "length \(length)")
        }
    }
}

@Suite struct HexTests {
    @Test func sixtyFourBitValuesAreSixteenDigitsMostSignificantFirst() {
        #expect(Hex.encode(UInt64(0)) == "0000000000000000")
        #expect(Hex.encode(UInt64(0xAB)) == "00000000000000ab")
        #expect(Hex.encode(UInt64.max) == "ffffffffffffffff")
        #expect(Hex.encode(0x526F_7750_726F_6F66 as UInt64) == "526f7750726f6f66")
    }

    @Test func bytesRoundTripAndBadTextIsRefused() {
        #expect(Hex.decode(Hex.encode([0, 1, 0xFE, 0xFF])) == [0, 1, 0xFE, 0xFF])
        #expect(Hex.decode("ABcd") == [0xAB, 0xCD])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
