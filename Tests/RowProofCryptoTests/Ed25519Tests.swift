import RowProofCrypto
import Testing

@Suite struct Ed25519Tests {
    /// RFC 8032 section 7.1, test 2: a one-byte message.
    @Test func rfc8032TestVector() throws {
        let key = try Ed25519PrivateKey(
            rawRepresentation: try #require(
                Hex.decode(
                    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"
                )
            )
        )
        #expect(
            Hex.encode(try key.publicKey.rawRepresentation)
                == "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
        )
        let signature = try key.signature(for: [0x72])
        #expect(
            Hex.encode(signature)
                == "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        )
    }

    @Test func signVerifyRoundTripAndTamperedMessageRefused() throws {
        let key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey
        let message = Array("chunk 17: id in [1000, 2000)".utf8)
        let signature = try key.signature(for: message)
        #expect(publicKey.isValidSignature(signature, for: message))

        var tampered = message
        tampered[6] = UInt8(ascii: "8")
        #expect(!publicKey.isValidSignature(signature, for: tampered))

        var badSignature = signature
        badSignature[0] ^= 1
        #expect(!publicKey.isValidSignature(badSignature, for: message))
        #expect(!publicKey.isValidSignature(Array(signature.prefix(10)), for: message))

        let otherKey = try Ed25519PrivateKey.generate().publicKey
        #expect(!otherKey.isValidSignature(signature, for: message))
    }

    @Test func pemRoundTrip() throws {
        let key = try Ed25519PrivateKey.generate()
        let pem = try key.pemRepresentation
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try Ed25519PrivateKey(pem: pem) == key)
        let publicPEM = try key.publicKey.pemRepresentation
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(try Ed25519PublicKey(pem: publicPEM) == key.publicKey)
    }

    @Test func malformedKeysAreRefused() {
        #expect(throws: CryptoError.self) { try Ed25519PrivateKey(rawRepresentation: [1, 2, 3]) }
        #expect(throws: CryptoError.self) { try Ed25519PrivateKey(pem: "-----BEGIN PRIVATE KEY-----\nnope\n") }
        #expect(throws: CryptoError.self) { try Ed25519PublicKey(pem: "") }
    }
}
