import RowProofCore
import RowProofCrypto
import Testing

/// Every vector of `specs/hashing_spec.json`, produced by the independent Python reference.
@Suite struct SpecVectorTests {
    static let vectors = SpecVector.loadAll()

    @Test func theSpecCarriesEnoughVectors() {
        // The file must hold the reference's vectors; an empty list means nothing was checked.
        #expect(
            Self.vectors.count >= 40,
            "specs/hashing_spec.json has \(Self.vectors.count) vectors, expected at least 40"
        )
        let kinds = Set(Self.vectors.map(\.kind))
        #expect(kinds == ["row", "key", "digest", "error"], "vector kinds present: \(kinds.sorted())")
    }

    @Test(arguments: vectors.filter { $0.kind == "row" })
    func rowVector(_ vector: SpecVector) throws {
        let values = try #require(vector.values)
        let (bytes, hash) = try values.encodedRow()
        #expect(Hex.encode(bytes) == vector.canonicalHex)
        #expect(hex64(hash) == vector.rowHash)

        // The materialized path gives the same bytes, and decoding them re-encodes identically.
        let materialized = try values.map { try $0.materialized() }
        #expect(try RowEncoder.canonicalBytes(of: materialized) == bytes)
        let decoded = try CanonicalValue.decodeRow(bytes)
        #expect(decoded.count == values.count)
        #expect(try RowEncoder.canonicalBytes(of: decoded) == bytes)
    }

    @Test(arguments: vectors.filter { $0.kind == "key" })
    func keyVector(_ vector: SpecVector) throws {
        let values = try #require(vector.values)
        let key = try values.encodedKey(arity: values.count)
        #expect(Hex.encode(key) == vector.keyHex)
        #expect(try KeyEncoder.encode(values.map { try $0.materialized() }, expectedArity: values.count) == key)

        let sampler = try Sampler(modulus: try #require(vector.modulus), threshold: try #require(vector.threshold))
        let sample = Sampler.sampleValue(key: key)
        #expect(String(sample) == vector.sampleU64)
        #expect(sampler.isSelected(key: key) == vector.selected)

        // Decoding the key gives components that encode to the same key.
        let components = try KeyDecoder.decode(key)
        #expect(try KeyEncoder.encode(components, expectedArity: values.count) == key)
    }

    @Test(arguments: vectors.filter { $0.kind == "digest" })
    func digestVector(_ vector: SpecVector) throws {
        let hashes = try #require(vector.rowHashes).map { try #require(UInt64($0, radix: 16)) }
        let digest = ChunkDigest.of(rowHashes: hashes)
        #expect(digest.count == vector.count)
        #expect(hex64(digest.ordered) == vector.ordered)
        #expect(hex64(digest.multisetSum) == vector.multisetSum)
        #expect(hex64(digest.multisetMix) == vector.multisetMix)
    }

    @Test(arguments: vectors.filter { $0.kind == "error" })
    func errorVector(_ vector: SpecVector) throws {
        let values = try #require(vector.values)
        let expected = try #require(
            vector.error.flatMap(CanonicalError.Code.init(rawValue:)),
            "unknown code \(vector.error ?? "nil")"
        )
        let caught: CanonicalError
        do {
            if vector.errorAs == "key" {
                _ = try values.encodedKey(arity: vector.keyArity ?? values.count)
            } else {
                _ = try values.encodedRow()
            }
            Issue.record("\(vector.name): expected \(expected), the input was accepted")
            return
        } catch let error as CanonicalError {
            caught = error
        }
        #expect(caught.code == expected, "\(vector.name): \(caught)")
        #expect(!caught.detail.isEmpty)
    }
}
