#!/usr/bin/env bash
# Builds and runs the worker per-row benchmark: in-memory rows through ChunkProcessor (column
# aggregates, deterministic sample, merge-join), release build.
# Usage: benchmarks/worker.sh [rows per side, default 1000000] [runs, default 3] [mixed, peer or aggregate, default mixed]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-perf --product WorkerBenchmark
.build-perf/release/WorkerBenchmark "${1:-1000000}" "${2:-3}" "${3:-mixed}"
