import RowProofCore
import Testing

@Suite struct ChunkDigestTests {
    let hashes: [UInt64] = [0x0123_4567_89AB_CDEF, 0xFFFF_FFFF_FFFF_FFFF, 42, 0x8000_0000_0000_0000, 7]

    @Test func multisetPartIgnoresOrderButOrderedDoesNot() {
        let forward = ChunkDigest.of(rowHashes: hashes)
        let backward = ChunkDigest.of(rowHashes: hashes.reversed())
        #expect(forward.multiset == backward.multiset)
        #expect(forward.ordered != backward.ordered)
        #expect(forward.count == 5)
        #expect(forward.multisetSum == hashes.reduce(0, &+))
    }

    @Test func chunksCombineIntoTheTableDigest() {
        let whole = ChunkDigest.of(rowHashes: hashes)
        let first = ChunkDigest.of(rowHashes: hashes[..<2])
        let second = ChunkDigest.of(rowHashes: hashes[2...])
        #expect(first.multisetCombined(with: second) == whole.multiset)
        #expect(MultisetDigest.empty.combined(with: whole.multiset) == whole.multiset)
    }

    @Test func duplicatesDoNotCancel() {
        let once = ChunkDigest.of(rowHashes: [9])
        let twice = ChunkDigest.of(rowHashes: [9, 9, 9])
        #expect(once.multisetMix != twice.multisetMix)
        #expect(ChunkDigest.of(rowHashes: [5, 5]).multisetMix != 0)
    }

    @Test func buildersAreValues() {
        var original = ChunkDigestBuilder()
        original.add(rowHash: 1)
        var copy = original
        copy.add(rowHash: 2)
        original.add(3)
        #expect(original.finalize() == ChunkDigest.of(rowHashes: [1, 3]))
        #expect(copy.finish() == ChunkDigest.of(rowHashes: [1, 2]))
        #expect(ChunkDigest.empty.count == 0 && ChunkDigest.empty.ordered == XXH64.hash([]))
    }

    @Test func fmix64MatchesMurmur3() {
        #expect(ChunkDigest.fmix64(0) == 0)
        #expect(ChunkDigest.fmix64(1) == 0xB456_BCFC_34C2_CB2C)
    }

    /// The ordered digest is XXH64 (libxxhash, one shot) of the row hashes as big-endian bytes,
    /// for every length around the 32-byte stripes.
    @Test func orderedPartIsXXH64OfTheBigEndianHashes() {
        var state: UInt64 = 0x1234_5678
        var rowHashes: [UInt64] = []
        for length in 0...70 {
            var builder = ChunkDigestBuilder()
            for hash in rowHashes { builder.add(rowHash: hash) }
            let bytes = rowHashes.flatMap { withUnsafeBytes(of: $0.bigEndian) { Array($0) } }
            #expect(builder.finalize().ordered == XXH64.hash(bytes), "\(length) row hashes")
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            rowHashes.append(state)
        }
    }
}
