#!/usr/bin/env python3
"""Check RowProof's JSON schemas, their examples and the policy files with check-jsonschema.

Every schema must be valid draft 2020-12; every schemas/examples/<schema>/valid-* file must
pass its schema and every invalid-* file must fail it; policy/policy.json, both rulebooks and
schemas/state_machine.json must pass theirs.

    python3 -m venv /tmp/venv-cj && /tmp/venv-cj/bin/pip install check-jsonschema
    python3 scripts/check_schemas.py --validator /tmp/venv-cj/bin/check-jsonschema

Exit status 0 when everything holds, 1 otherwise (each problem is printed).
"""
import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSTANCES = [
    ("policy/policy.json", "policy"),
    ("policy/type_coercion_rulebook.json", "type_coercion_rulebook"),
    ("policy/type_rules/postgres_parquet.json", "type_coercion_rulebook"),
    ("schemas/state_machine.json", "state_machine"),
]


def run(validator, args):
    result = subprocess.run([validator] + args, capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validator", default=os.environ.get("ROWPROOF_CHECK_JSONSCHEMA") or shutil.which("check-jsonschema"),
                        help="path of the check-jsonschema executable (default: $ROWPROOF_CHECK_JSONSCHEMA or PATH)")
    options = parser.parse_args()
    if not options.validator:
        sys.exit("check-jsonschema not found: pass --validator or set ROWPROOF_CHECK_JSONSCHEMA")

    def schema(name):
        return os.path.join(ROOT, "schemas", name + ".schema.json")

    problems = []
    examples = os.path.join(ROOT, "schemas", "examples")
    folders = sorted(os.listdir(examples))
    status, output = run(options.validator, ["--check-metaschema"] + [schema(f) for f in folders])
    if status != 0:
        problems.append("schemas are not valid draft 2020-12:\n" + output)
    checked = 0
    for folder in folders:
        names = sorted(os.listdir(os.path.join(examples, folder)))
        valid = [os.path.join(examples, folder, n) for n in names if n.startswith("valid-")]
        invalid = [os.path.join(examples, folder, n) for n in names if n.startswith("invalid-")]
        if not valid or len(invalid) < 3:
            problems.append(f"{folder}: needs at least one valid and three invalid examples")
        status, output = run(options.validator, ["--schemafile", schema(folder)] + valid)
        if status != 0:
            problems.append(f"{folder}: a valid example fails its schema:\n{output}")
        for path in invalid:
            status, output = run(options.validator, ["--schemafile", schema(folder), path])
            if status == 0:
                problems.append(f"{os.path.relpath(path, ROOT)}: passes its schema but should fail")
        checked += len(valid) + len(invalid)
    for path, name in INSTANCES:
        status, output = run(options.validator, ["--schemafile", schema(name), os.path.join(ROOT, path)])
        if status != 0:
            problems.append(f"{path}: fails {name}.schema.json:\n{output}")
        checked += 1
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{checked} files checked against {len(folders)} schemas, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
