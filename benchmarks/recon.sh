#!/usr/bin/env bash
# Recon benchmark: `rowproof recon` on two 10M-row Postgres tables against the physical floor
# (psql \copy of both tables) and the peer tools data-diff 0.11.2 and reladiff 0.6.0, in one run.
# Run `bash benchmarks/recon.sh --help` for what it does and its options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bash benchmarks/recon.sh [--runs N] [--no-peers] [--no-build] [--dataset FILE] [--help]

Measures, in the same run, on the tables src.orders and dst.orders (10,000,000 rows each,
1,000 changed + 500 missing + 500 extra rows between them):
  (a) the physical floor: two parallel `psql \copy (SELECT * FROM orders ORDER BY id) TO '/dev/null'
      WITH (FORMAT binary)`, one per database (wall time of both);
  (b) `rowproof recon` with its default local fleet of workers (release build): wall time,
      rows/s, peak RSS of the coordinator and of each worker, and whether report.json holds exactly
      the seeded differences;
  (c) data-diff 0.11.2 and (d) reladiff 0.6.0 with `-j 2`, same key and columns.
It prints a table with the ratios b/a, c/b, d/b and PASS/MISS for each goal (b/a <= 1.3,
c/b >= 10, d/b >= 10, worker peak RSS < 256 MB, exact differences), and writes the results to
benchmarks/results/recon-<UTC date>.json.

Options:
  --runs N        runs of (a) and (b), interleaved; the table shows the median (default 3).
                  (c) and (d) run once each. The floor also runs once, untimed, to warm the cache.
  --no-peers      skip data-diff and reladiff (no install, no run).
  --no-build      use the existing release binary in .build-bench-recon instead of building.
  --dataset FILE  the SQL script that builds src and dst
                  (default: ../shared/benchmarks/peer_dataset.sql relative to the repository,
                  or $ROWPROOF_BENCH_DATASET).
  -h, --help      this text.

Postgres: with PGHOST and PGPORT set (PGUSER defaults to postgres), the benchmark uses that
server as it is. Otherwise it starts a private server with scripts/postgres.sh in a temporary
folder, sets shared_buffers=1GB, max_wal_size=8GB, maintenance_work_mem=1GB (ALTER SYSTEM +
restart; the server already runs with fsync, synchronous_commit and full_page_writes off), and
stops and removes it at exit. If src.orders and dst.orders do not both hold 10,000,000 rows, the
dataset script (re)creates the databases src and dst (it drops them first; about a minute).

Peers: installed once from PyPI into .venv-bench-datadiff and .venv-bench-reladiff with the pins
of ../shared/benchmarks/README.md. Tool output and raw measurements stay in the work folder the
script prints at the start.

The 2-core machine is shared: run it when nobody else is building; the table shows the CPU
time other processes used during each measurement so contention is visible.
EOF
}

runs=3
peers=1
build=1
dataset=${ROWPROOF_BENCH_DATASET:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --runs=*) runs=${1#--runs=} ;;
    --no-peers) peers=0 ;;
    --no-build) build=0 ;;
    --dataset) dataset=${2:?--dataset needs a file}; shift ;;
    --dataset=*) dataset=${1#--dataset=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "recon.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$runs" in ''|*[!0-9]*|0) echo "recon.sh: --runs must be a positive integer, got '$runs'" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
repo=$(pwd)
dataset=${dataset:-$repo/../shared/benchmarks/peer_dataset.sql}
scratch=.build-bench-recon
bin=$repo/$scratch/release/rowproof
expected_rows=10000000
work=$(mktemp -d "${TMPDIR:-/tmp}/rowproof-bench-recon.XXXXXX")
pgdir=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local pids
  pids=$(jobs -p)
  [ -n "$pids" ] && kill $pids 2>/dev/null || true
  if [ -n "$pgdir" ]; then
    log "stopping the private Postgres server"
    bash "$repo/scripts/postgres.sh" stop "$pgdir" || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "work folder (logs, raw measurements): $work"

# --- rowproof release binary -------------------------------------------------------------------
if [ "$build" = 1 ]; then
  log "building rowproof (release, $scratch)"
  swift build -c release --product rowproof --scratch-path "$scratch" >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; echo "recon.sh: the release build failed (log: $work/build.log)" >&2; exit 1; }
fi
[ -x "$bin" ] || { echo "recon.sh: no binary at $bin; run without --no-build" >&2; exit 1; }
# The revision the binary was built from (uncommitted changes to the sources are flagged).
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ] && revision="$revision+uncommitted"
echo "$revision" >"$work/revision.txt"

# --- Postgres ------------------------------------------------------------------------------------
if [ -n "${PGHOST:-}" ] && [ -n "${PGPORT:-}" ]; then
  export PGUSER=${PGUSER:-postgres}
  log "using the Postgres server at $PGHOST:$PGPORT as it is"
else
  pgdir=$(mktemp -d "${TMPDIR:-/tmp}/rowproof-bench-pg.XXXXXX")
  log "starting a private Postgres server in $pgdir"
  pg_env=$(bash scripts/postgres.sh start "$pgdir")
  eval "$pg_env"
  psql -X -q -d postgres -v ON_ERROR_STOP=1 \
    -c "ALTER SYSTEM SET shared_buffers = '1GB'" \
    -c "ALTER SYSTEM SET max_wal_size = '8GB'" \
    -c "ALTER SYSTEM SET maintenance_work_mem = '1GB'"
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 restart >/dev/null
  else
    "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 restart >/dev/null
  fi
  log "private server restarted with shared_buffers=$(psql -X -At -d postgres -c 'SHOW shared_buffers')"
fi

rows_in() { psql -X -At -d "$1" -c 'SELECT count(*) FROM orders' 2>/dev/null || echo 0; }
if [ "$(rows_in src)" = "$expected_rows" ] && [ "$(rows_in dst)" = "$expected_rows" ]; then
  log "src.orders and dst.orders already hold $expected_rows rows each: not reloading"
else
  [ -r "$dataset" ] || { echo "recon.sh: cannot read the dataset script $dataset (use --dataset FILE)" >&2; exit 1; }
  log "loading $dataset into src and dst (about a minute)"
  psql -X -d postgres -v ON_ERROR_STOP=1 -f "$dataset" >"$work/load.log" 2>&1 \
    || { tail -n 20 "$work/load.log" >&2; echo "recon.sh: loading the dataset failed (log: $work/load.log)" >&2; exit 1; }
  for db in src dst; do
    n=$(rows_in "$db")
    [ "$n" = "$expected_rows" ] || { echo "recon.sh: $db.orders holds $n rows after loading, expected $expected_rows" >&2; exit 1; }
  done
fi
for db in src dst; do psql -X -q -d "$db" -c 'ANALYZE orders'; done

postmaster=""
datadir=$(psql -X -At -d postgres -c 'SHOW data_directory' 2>/dev/null || true)
if [ -n "$datadir" ] && [ -r "$datadir/postmaster.pid" ]; then postmaster=$(head -n 1 "$datadir/postmaster.pid"); fi
psql -X -A -F $'\t' -t -d postgres -c "SELECT name, current_setting(name) FROM pg_settings
  WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather',
                 'effective_io_concurrency', 'fsync', 'max_connections')" >"$work/pg_settings.tsv"

url="postgresql://$PGUSER@$PGHOST:$PGPORT"
# data-diff wants a password in the URL even when the server trusts the connection.
url_pw="postgresql://$PGUSER:${PGPASSWORD:-x}@$PGHOST:$PGPORT"
peer_args=(-k id -c customer_id -c amount -c status -c created_at -c note -c qty -c price --stats -j 2)

# --- peers -------------------------------------------------------------------------------------
if [ "$peers" = 1 ]; then
  if [ ! -x .venv-bench-datadiff/bin/data-diff ]; then
    log "installing data-diff 0.11.2 into .venv-bench-datadiff"
    python3 -m venv .venv-bench-datadiff
    .venv-bench-datadiff/bin/pip install -q 'data-diff[postgresql]==0.11.2' 'dbt-core==1.7.19' 'pydantic<2'
  fi
  if [ ! -x .venv-bench-reladiff/bin/reladiff ]; then
    log "installing reladiff 0.6.0 into .venv-bench-reladiff"
    python3 -m venv .venv-bench-reladiff
    .venv-bench-reladiff/bin/pip install -q 'reladiff[postgresql]==0.6.0'
  fi
fi

# --- measurements ------------------------------------------------------------------------------
measure() { # measure NAME COMMAND...: runs COMMAND under the sampler; output in $work/NAME.{out,err,json}
  local name=$1; shift
  local pm=()
  [ -n "$postmaster" ] && pm=(--postmaster "$postmaster")
  python3 "$repo/benchmarks/recon_measure.py" --out "$work/$name.json" "${pm[@]}" -- "$@" \
    >"$work/$name.out" 2>"$work/$name.err" || true
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.2f s, exit %d" % (r["wall_s"], r["exit_code"]))' "$work/$name.json"
}

copy_sql="\\copy (SELECT * FROM orders ORDER BY id) TO '/dev/null' WITH (FORMAT binary)"
floor_cmd=(bash -c 'psql -X -q -d src -c "$1" & p1=$!; psql -X -q -d dst -c "$1" & p2=$!
                    wait $p1; r1=$?; wait $p2; r2=$?; exit $(( r1 | r2 ))' floor "$copy_sql")

log "warming the cache: (a) once, untimed"
"${floor_cmd[@]}" || { echo "recon.sh: psql \\copy failed on src or dst" >&2; exit 1; }

for i in $(seq 1 "$runs"); do
  log "(a) floor, run $i/$runs: $(measure "floor-$i" "${floor_cmd[@]}")"
  log "(b) rowproof recon, run $i/$runs: $(measure "rowproof-$i" "$bin" recon "$url/src" "$url/dst" \
        --table orders -k id --output "$work/rowproof-$i")"
done
if [ "$peers" = 1 ]; then
  # --no-tracking: data-diff otherwise sends usage events over the network (up to 8 s each when
  # the network is unreachable); leaving them out can only make data-diff faster.
  log "(c) data-diff -j 2 (a few minutes): $(measure datadiff .venv-bench-datadiff/bin/data-diff \
        "$url_pw/src" orders "$url_pw/dst" orders "${peer_args[@]}" --no-tracking)"
  log "(d) reladiff -j 2 (a few minutes): $(measure reladiff .venv-bench-reladiff/bin/reladiff \
        "$url_pw/src" orders "$url_pw/dst" orders "${peer_args[@]}")"
fi

# --- report ------------------------------------------------------------------------------------
mkdir -p benchmarks/results
python3 benchmarks/recon_report.py --work "$work" --runs "$runs" --peers "$peers" --rows "$expected_rows" \
  --out "benchmarks/results/recon-$(date -u +%Y-%m-%d).json"
