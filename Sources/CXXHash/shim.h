#pragma once
// libxxhash (Debian: libxxhash-dev). Imported only by RowProofCore.
#include <xxhash.h>
