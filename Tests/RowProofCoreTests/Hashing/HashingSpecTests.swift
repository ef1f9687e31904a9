import Foundation
import RowProofCore
import RowProofCrypto
import RowProofTestSupport
import Testing

@Suite struct HashingSpecTests {
    @Test func embeddedDigestAndVersionMatchTheSpecFile() throws {
        let url = TestEnvironment.repositoryRoot.appendingPathComponent("specs/hashing_spec.json")
        let data = try Data(contentsOf: url)
        #expect(
            SHA256.hexDigest(data) == HashingSpec.sha256,
            "specs/hashing_spec.json changed: update HashingSpec.sha256 (and the version if a rule changed)"
        )
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? String == HashingSpec.version)
    }
}
