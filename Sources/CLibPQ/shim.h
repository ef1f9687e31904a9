#pragma once
// libpq, the Postgres client library (Debian: libpq-dev). Imported only by RowProofSources.
#include <libpq-fe.h>
