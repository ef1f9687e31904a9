#!/usr/bin/env bash
# Installs everything RowProof needs on Debian 12 / Ubuntu, idempotently (runs apt only when
# something is missing). Run as root, or with sudo available.
set -euo pipefail

packages=(
  pkg-config          # SwiftPM finds the C libraries through it
  libpq-dev           # Postgres client (COPY BINARY reader)
  libzmq3-dev         # ZeroMQ (coordinator <-> workers)
  libxxhash-dev       # XXH64 row hashes
  liblz4-dev          # LZ4 frames for chunk results
  libssl-dev          # SHA-256, Ed25519 signatures
  libsqlite3-dev      # the embedded default source and job store
  postgresql          # a private server for the integration tests and benchmarks
  python3 python3-venv  # the reference implementation and schema validator used by the tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all system packages present"
fi

command -v swift >/dev/null || { echo "setup: Swift 6.1 or newer must be on PATH (https://swift.org/install)" >&2; exit 1; }
