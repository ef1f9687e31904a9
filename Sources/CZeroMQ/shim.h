#pragma once
// libzmq (Debian: libzmq3-dev). Imported only by RowProofWire.
#include <zmq.h>
