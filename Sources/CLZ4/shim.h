#pragma once
// liblz4 (Debian: liblz4-dev): the LZ4 frame format for chunk results. Imported only by RowProofWire.
#include <lz4.h>
#include <lz4frame.h>
