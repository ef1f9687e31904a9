#!/usr/bin/env bash
# The main job on the embedded default: builds RowProof (release), creates a SQLite source and a
# "migrated" target with planted differences, reconciles them through worker processes over
# ZeroMQ, and writes the reports into ./rowproof-demo/. Extra arguments go to `rowproof demo`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
echo "demo: building rowproof (release; the first build takes a few minutes)"
log=$(mktemp)
if ! swift build -c release --product rowproof >"$log" 2>&1; then
  grep -vE "prohibited flag" "$log" >&2
  echo "demo: the build failed (output above)" >&2
  exit 2
fi
rm -f "$log"
exec .build/release/rowproof demo "$@"
