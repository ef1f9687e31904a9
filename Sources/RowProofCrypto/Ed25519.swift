internal import COpenSSL
public import Foundation

/// An Ed25519 signing key, held as its 32 raw bytes.
///
/// Holding raw bytes (not an `EVP_PKEY*`) keeps the type a plain `Sendable` value; an OpenSSL
/// key object is created for each operation and freed right after it.
public struct Ed25519PrivateKey: Sendable, Equatable {
    /// The 32-byte seed of the key (RFC 8032).
    public let rawRepresentation: [UInt8]

    /// Wraps an existing 32-byte seed.
    public init(rawRepresentation: [UInt8]) throws(CryptoError) {
        guard rawRepresentation.count == 32 else {
            throw CryptoError(
                operation: "loading an Ed25519 private key",
                reason: "expected 32 bytes, got \(rawRepresentation.count)"
            )
        }
        self.rawRepresentation = rawRepresentation
    }

    /// Generates a new key from OpenSSL's CSPRNG.
    public static func generate() throws(CryptoError) -> Ed25519PrivateKey {
        var seed = [UInt8](repeating: 0, count: 32)
        try openSSLCall("generating an Ed25519 key") { RAND_bytes(&seed, 32) }
        return try Ed25519PrivateKey(rawRepresentation: seed)
    }

    /// Loads a key from PEM text: PKCS#8 (`-----BEGIN PRIVATE KEY-----`, as `openssl genpkey -algorithm ed25519` writes).
    public init(pem: String) throws(CryptoError) {
        let raw = try withEVPKey(fromPEM: pem, isPrivate: true) { key throws(CryptoError) in
            try rawBytes(of: key, isPrivate: true)
        }
        try self.init(rawRepresentation: raw)
    }

    /// The matching public key.
    public var publicKey: Ed25519PublicKey {
        get throws(CryptoError) {
            let raw = try withEVPKey(raw: rawRepresentation, isPrivate: true) { key throws(CryptoError) in
                try rawBytes(of: key, isPrivate: false)
            }
            return try Ed25519PublicKey(rawRepresentation: raw)
        }
    }

    /// The key as PKCS#8 PEM text.
    public var pemRepresentation: String {
        get throws(CryptoError) {
            try withEVPKey(raw: rawRepresentation, isPrivate: true) { key throws(CryptoError) in
                try writePEM { bio in PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) }
            }
        }
    }

    /// Signs `message` (Ed25519 signs the whole message; no pre-hash). Returns the 64-byte signature.
    public func signature(for message: some ContiguousBytes) throws(CryptoError) -> [UInt8] {
        try withEVPKey(raw: rawRepresentation, isPrivate: true) { key throws(CryptoError) in
            guard let context = EVP_MD_CTX_new() else {
                throw CryptoError(operation: "signing", reason: "EVP_MD_CTX_new returned NULL")
            }
            defer { EVP_MD_CTX_free(context) }
            try openSSLCall("initializing an Ed25519 signature") { EVP_DigestSignInit(context, nil, nil, nil, key) }
            var signature = [UInt8](repeating: 0, count: 64)
            var length = 64
            let result: Int32 = message.withUnsafeBytes { input in
                EVP_DigestSign(
                    context,
                    &signature,
                    &length,
                    input.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    input.count
                )
            }
            try openSSLCall("signing with Ed25519") { result }
            return Array(signature.prefix(length))
        }
    }
}

/// An Ed25519 verification key, held as its 32 raw bytes.
public struct Ed25519PublicKey: Sendable, Hashable {
    /// The 32-byte public key (RFC 8032).
    public let rawRepresentation: [UInt8]

    /// Wraps an existing 32-byte public key.
    public init(rawRepresentation: [UInt8]) throws(CryptoError) {
        guard rawRepresentation.count == 32 else {
            throw CryptoError(
                operation: "loading an Ed25519 public key",
                reason: "expected 32 bytes, got \(rawRepresentation.count)"
            )
        }
        self.rawRepresentation = rawRepresentation
    }

    /// Loads a key from PEM text (`-----BEGIN PUBLIC KEY-----`, SubjectPublicKeyInfo).
    public init(pem: String) throws(CryptoError) {
        let raw = try withEVPKey(fromPEM: pem, isPrivate: false) { key throws(CryptoError) in
            try rawBytes(of: key, isPrivate: false)
        }
        try self.init(rawRepresentation: raw)
    }

    /// The key as SubjectPublicKeyInfo PEM text.
    public var pemRepresentation: String {
        get throws(CryptoError) {
            try withEVPKey(raw: rawRepresentation, isPrivate: false) { key throws(CryptoError) in
                try writePEM { bio in PEM_write_bio_PUBKEY(bio, key) }
            }
        }
    }

    /// Returns whether `signature` is a valid Ed25519 signature of `message` under this key.
    ///
    /// A malformed signature is simply invalid; this never throws for bad input.
    public func isValidSignature(_ signature: [UInt8], for message: some ContiguousBytes) -> Bool {
        guard signature.count == 64 else { return false }
        let result: Bool? = try? withEVPKey(raw: rawRepresentation, isPrivate: false) { key throws(CryptoError) in
            guard let context = EVP_MD_CTX_new() else { return false }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { return false }
            let verdict: Int32 = message.withUnsafeBytes { input in
                EVP_DigestVerify(
                    context,
                    signature,
                    signature.count,
                    input.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    input.count
                )
            }
            return verdict == 1
        }
        _ = openSSLErrorQueue()  // a failed verification leaves reasons on the queue; clear them
        return result ?? false
    }
}

// MARK: - OpenSSL key objects, created and freed within one call

private func withEVPKey<T>(
    raw: [UInt8],
    isPrivate: Bool,
    _ body: (OpaquePointer) throws(CryptoError) -> T
) throws(CryptoError) -> T {
    let key = raw.withUnsafeBufferPointer { bytes in
        isPrivate
            ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, bytes.baseAddress, bytes.count)
            : EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, bytes.baseAddress, bytes.count)
    }
    guard let key else {
        throw CryptoError(operation: "creating an Ed25519 key", reason: openSSLErrorQueue())
    }
    defer { EVP_PKEY_free(key) }
    return try body(key)
}

private func withEVPKey<T>(
    fromPEM pem: String,
    isPrivate: Bool,
    _ body: (OpaquePointer) throws(CryptoError) -> T
) throws(CryptoError) -> T {
    let bytes = Array(pem.utf8)
    let key: OpaquePointer? = bytes.withUnsafeBytes { buffer in
        guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
        defer { BIO_free(bio) }
        return isPrivate ? PEM_read_bio_PrivateKey(bio, nil, nil, nil) : PEM_read_bio_PUBKEY(bio, nil, nil, nil)
    }
    guard let key else {
        throw CryptoError(
            operation: isPrivate ? "reading a PEM private key" : "reading a PEM public key",
            reason:
                "not a PEM \(isPrivate ? "PKCS#8 private" : "SubjectPublicKeyInfo public") key (\(openSSLErrorQueue()))"
        )
    }
    defer { EVP_PKEY_free(key) }
    guard EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 else {
        throw CryptoError(operation: "reading a PEM key", reason: "the key is not an Ed25519 key")
    }
    return try body(key)
}

private func rawBytes(of key: OpaquePointer, isPrivate: Bool) throws(CryptoError) -> [UInt8] {
    var raw = [UInt8](repeating: 0, count: 32)
    var length = 32
    try openSSLCall("extracting raw Ed25519 key bytes") {
        isPrivate ? EVP_PKEY_get_raw_private_key(key, &raw, &length) : EVP_PKEY_get_raw_public_key(key, &raw, &length)
    }
    return Array(raw.prefix(length))
}

private func writePEM(_ write: (OpaquePointer) -> Int32) throws(CryptoError) -> String {
    guard let bio = BIO_new(BIO_s_mem()) else {
        throw CryptoError(operation: "writing PEM", reason: "BIO_new failed")
    }
    defer { BIO_free(bio) }
    try openSSLCall("writing PEM") { write(bio) }
    var pointer: UnsafeMutablePointer<CChar>?
    let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
    guard let pointer, length > 0 else { throw CryptoError(operation: "writing PEM", reason: "empty output") }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
}
