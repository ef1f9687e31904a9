#pragma once
// OpenSSL 3 (Debian: libssl-dev): SHA-256 and Ed25519 through EVP. Imported only by RowProofCrypto.
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

// Swift cannot call function-like macros.
static inline void COpenSSL_free(void *_Nullable ptr) { OPENSSL_free(ptr); }
