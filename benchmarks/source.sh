#!/usr/bin/env bash
# Source benchmark: RowProof's Postgres reader (COPY BINARY → canonical rows → XXH64) against
# `psql \copy … (FORMAT binary)` on the same 10M-row, 8-column table, in the same run.
#   bash benchmarks/source.sh                 uses ROWPROOF_BENCH_POSTGRES_URL, ROWPROOF_TEST_POSTGRES_URL or PGHOST/PGPORT/PGUSER
#   ROWPROOF_BENCH_ROWS=1000000 bash benchmarks/source.sh    a smaller table
# Without any of those, it starts a private server with scripts/postgres.sh and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ROWPROOF_BENCH_POSTGRES_URL:-}${ROWPROOF_TEST_POSTGRES_URL:-}${PGHOST:-}" ]; then
  dir=$(mktemp -d)
  eval "$(bash scripts/postgres.sh start "$dir")"
  trap 'bash scripts/postgres.sh stop "$dir"' EXIT
fi
if [ -z "${ROWPROOF_BENCH_POSTGRES_URL:-}${ROWPROOF_TEST_POSTGRES_URL:-}" ]; then
  export ROWPROOF_BENCH_POSTGRES_URL="postgresql://${PGUSER:-postgres}@${PGHOST}:${PGPORT:-5432}/${PGDATABASE:-postgres}"
fi

scratch=${ROWPROOF_BENCH_SCRATCH:-.build-bench}
swift build -c release --scratch-path "$scratch" --product SourceBenchmark
"$scratch/release/SourceBenchmark"
