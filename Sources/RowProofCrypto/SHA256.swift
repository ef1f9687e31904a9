internal import COpenSSL
public import Foundation

/// OpenSSL's SHA-256 implementation, fetched once.
///
/// `EVP_MD` objects are immutable once fetched and documented safe to share between threads,
/// so one fetched method serves every call; fetching per call costs a lock and a lookup.
private struct FetchedDigest: @unchecked Sendable {
    let method: OpaquePointer

    static let sha256: FetchedDigest = {
        guard let method = EVP_MD_fetch(nil, "SHA256", nil) else {
            preconditionFailure("OpenSSL has no SHA-256: \(openSSLErrorQueue())")
        }
        return FetchedDigest(method: method)
    }()
}

/// SHA-256 through OpenSSL's EVP interface.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// Returns the SHA-256 digest of `bytes`.
    public static func hash(_ bytes: some ContiguousBytes) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBytes { output in
                var length: UInt32 = 0
                // EVP_Digest with SHA-256 cannot fail on valid pointers; a failure would mean a broken libcrypto.
                let ok = EVP_Digest(
                    input.baseAddress,
                    input.count,
                    output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    &length,
                    FetchedDigest.sha256.method,
                    nil
                )
                precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed: \(openSSLErrorQueue())")
            }
        }
        return digest
    }

    /// Returns the SHA-256 digest of `bytes` as 64 lowercase hex digits.
    public static func hexDigest(_ bytes: some ContiguousBytes) -> String {
        Hex.encode(hash(bytes))
    }

    /// Returns the first 8 bytes of SHA-256(`bytes`) read as a big-endian unsigned integer.
    ///
    /// This is the sampling value of the hashing spec, computed once per key on the worker's
    /// per-row path: it runs OpenSSL's SHA-256 block function on a context on the stack, with no
    /// allocation and no full digest.
    public static func prefix64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        COpenSSL_sha256_prefix64(bytes.baseAddress, bytes.count)
    }
}

/// An incremental SHA-256 for inputs that arrive in pieces (files, audit chains).
///
/// Not thread-safe: one owner feeds it and reads the result.
public final class SHA256Hasher {
    private let context: OpaquePointer

    /// Starts a new digest.
    public init() {
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed: out of memory") }
        self.context = context
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds `bytes` into the digest.
    public func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { buffer in
            precondition(EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1, "EVP_DigestUpdate failed")
        }
    }

    /// Finishes the digest and returns its 32 bytes. The hasher cannot be used afterwards.
    public func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1, "EVP_DigestFinal_ex failed")
        return digest
    }
}
