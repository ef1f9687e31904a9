#pragma once
// OpenSSL 3 (Debian: libssl-dev): SHA-256 and Ed25519 through EVP. Imported only by RowProofCrypto.
// The one deprecated call below (the direct SHA-256 functions) is deliberate; see
// COpenSSL_sha256_prefix64.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <stdint.h>
#include <string.h>
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
//
// An input of at most 55 bytes fits one padded block: it is padded here and run through the block
// function once (SHA256_Transform), and the prefix read from the state words, skipping
// SHA256_Update's buffering and SHA256_Final's padding and cleansing. Longer inputs take the
// usual path. Both give the same bits (checked against EVP at every length).
static inline uint64_t COpenSSL_sha256_prefix64(const void *_Nullable data, size_t length) {
    SHA256_CTX context;
    SHA256_Init(&context);
    if (length <= 55) {
        unsigned char block[64] = {0};
        if (length > 0) memcpy(block, data, length);
        block[length] = 0x80;
        uint64_t bits = (uint64_t)length * 8;
        for (int index = 0; index < 8; index++) block[63 - index] = (unsigned char)(bits >> (8 * index));
        SHA256_Transform(&context, block);
        return ((uint64_t)context.h[0] << 32) | (uint64_t)context.h[1];
    }
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Update(&context, data, length);
    SHA256_Final(digest, &context);
    uint64_t value = 0;
    for (int index = 0; index < 8; index++) value = (value << 8) | digest[index];
    return value;
}
