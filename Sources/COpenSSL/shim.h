#pragma once
// OpenSSL 3 (Debian: libssl-dev): SHA-256 and Ed25519 through EVP. Imported only by RowProofCrypto.
// The one deprecated call below (the direct SHA-256 functions) is deliberate; see
// COpenSSL_sha256_prefix64.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <stdint.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

// Swift cannot call function-like macros.
static inline void COpenSSL_free(void *_Nullable ptr) { OPENSSL_free(ptr); }

// The first 8 bytes of SHA-256(data) as a big-endian integer, for the many short inputs of the
// deterministic sample (one per key). OpenSSL's direct SHA-256 functions run the same block
// function as EVP (SHA-NI where the CPU has it) on a context on the stack: no provider dispatch,
// no context allocation, about a third of EVP's cost per short input.
static inline uint64_t COpenSSL_sha256_prefix64(const void *_Nullable data, size_t length) {
    SHA256_CTX context;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Init(&context);
    SHA256_Update(&context, data, length);
    SHA256_Final(digest, &context);
    uint64_t value = 0;
    for (int index = 0; index < 8; index++) value = (value << 8) | digest[index];
    return value;
}
