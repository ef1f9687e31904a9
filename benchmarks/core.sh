#!/usr/bin/env bash
# Builds and runs the RowProofCore hot-path benchmark (release build, one thread).
# Usage: benchmarks/core.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-bench --product CoreBenchmark
.build-bench/release/CoreBenchmark
