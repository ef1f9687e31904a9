#!/usr/bin/env bash
# Creates (once) the virtualenv with the test tooling from PyPI: the reference implementation's
# xxhash, pytest, and check-jsonschema. Prints the venv's path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv-test"
stamp="$venv/.installed-$(sha256sum "$root/Tests/reference/requirements.txt" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$root/Tests/reference/requirements.txt" 'check-jsonschema==0.29.4' >&2
  touch "$stamp"
fi
echo "$venv"
