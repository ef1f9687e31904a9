#pragma once
// SQLite (Debian: libsqlite3-dev), the embedded default source. Imported only by RowProofSources.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a function-pointer cast macro Swift cannot import.
static inline void (*_Nonnull CSQLite_transient(void))(void *_Nullable) { return SQLITE_TRANSIENT; }
