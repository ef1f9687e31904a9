#!/usr/bin/env bash
# Starts or stops a private, throwaway Postgres cluster on a free loopback port.
#   eval "$(scripts/postgres.sh start DIR)"   exports ROWPROOF_TEST_POSTGRES_URL (and PG* for psql)
#   scripts/postgres.sh stop DIR
# The cluster lives in DIR (created; owned by the 'postgres' user when run as root, since the
# server refuses to run as root). Nothing outside DIR is touched.
set -euo pipefail
cmd=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/pg_ctl" ] || { echo "postgres.sh: no server found under /usr/lib/postgresql; run scripts/setup.sh" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    runuser -u postgres -- test -w "$dir" || {
      echo "postgres.sh: the 'postgres' user cannot reach $dir (a parent folder is not traversable);" \
           "use a folder directly under /tmp, or make the parents traversable (chmod o+x)" >&2
      exit 1
    }
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "export ROWPROOF_TEST_POSTGRES_URL='postgresql://postgres@127.0.0.1:$port/postgres'"
  echo "export ROWPROOF_TEST_POSTGRES_DIR='$dir'"
  echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*) echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
