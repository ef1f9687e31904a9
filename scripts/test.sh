#!/usr/bin/env bash
# Runs RowProof's whole test suite on this machine: installs what is missing, checks the Swift
# formatting (.swift-format), starts a private Postgres on a free loopback port, runs every test
# (unit, integration, schema validation, the Python reference implementation's own tests), and
# stops the server even when tests fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
venv=$(bash scripts/python-env.sh)
export ROWPROOF_TEST_PYTHON="$venv/bin/python"
export ROWPROOF_CHECK_JSONSCHEMA="$venv/bin/check-jsonschema"

pgdir=$(mktemp -d /tmp/rowproof-test-pg.XXXXXX)
# The tests' scratch files (reports, job stores, signed packs, worker sockets) go to a folder of
# this run, removed at the end with the server, so repeated runs do not fill /tmp.
scratch=$(mktemp -d /tmp/rowproof-test-tmp.XXXXXX)
chmod 755 "$scratch"
trap 'bash "$root/scripts/postgres.sh" stop "$pgdir"; rm -rf "$scratch"' EXIT
eval "$(bash scripts/postgres.sh start "$pgdir")"
echo "test: Postgres running at $ROWPROOF_TEST_POSTGRES_URL"

status=0
echo "test: formatting (swift format lint --strict; fix with: swift format format --in-place --recursive Sources Tests)"
swift format lint --strict --recursive Sources Tests || status=1

echo "test: reference implementation (pytest)"
"$venv/bin/python" -m pytest -q Tests/reference || status=1

echo "test: swift test (unit and integration)"
swift build --build-tests 2>&1 | grep -v "prohibited flag"
TMPDIR="$scratch" swift test --skip-build --disable-xctest 2>&1 | grep -v "prohibited flag" || status=1

exit $status
