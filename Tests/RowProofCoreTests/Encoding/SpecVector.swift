import Foundation
import RowProofTestSupport
import Testing

/// One entry of `specs/hashing_spec.json` "vectors" (see the spec's `vector_format`).
struct SpecVector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var kind: String
    var values: [VectorValue]?
    var canonicalHex: String?
    var rowHash: String?
    var modulus: UInt64?
    var threshold: UInt64?
    var keyHex: String?
    var sampleU64: String?
    var selected: Bool?
    var rowHashes: [String]?
    var count: Int?
    var ordered: String?
    var multisetSum: String?
    var multisetMix: String?
    var errorAs: String?
    var error: String?
    var keyArity: Int?

    enum CodingKeys: String, CodingKey {
        case name, kind, values, selected, count, ordered, error
        case canonicalHex = "canonical_hex"
        case rowHash = "row_hash"
        case modulus = "M"
        case threshold = "K"
        case keyHex = "key_hex"
        case sampleU64 = "sample_u64"
        case rowHashes = "row_hashes"
        case multisetSum = "multiset_sum"
        case multisetMix = "multiset_mix"
        case errorAs = "as"
        case keyArity = "key_arity"
    }

    var testDescription: String { "\(kind) vector \(name)" }

    /// The spec file's path, found from this file's location.
    static let specURL = TestEnvironment.repositoryRoot.appendingPathComponent("specs/hashing_spec.json")

    /// Every vector of the spec, or an empty list when the file cannot be read (the vector
    /// test then fails on the count).
    static func loadAll() -> [SpecVector] {
        struct SpecFile: Decodable { var vectors: [SpecVector] }
        guard let data = try? Data(contentsOf: specURL),
            let file = try? JSONDecoder().decode(SpecFile.self, from: data)
        else { return [] }
        return file.vectors
    }
}
