# Sourced by the benchmark scripts: a throw-away PostgreSQL cluster in the caller's temp folder ($work/pg), with
# PostgreSQL's default settings (so fsync is on) but for the options given. Sets pg_bin and pg_dir (empty until a
# cluster is started); the caller's cleanup calls stop_private_postgres, which does nothing when none was.
#   start_private_postgres PORT [-c name=value …]
pg_dir=""
pg_bin=""
as_pg() { if [[ "$(id -u)" == 0 ]]; then su postgres -c "$1"; else bash -c "$1"; fi; }

start_private_postgres() {
  local port=$1
  shift
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; return 1; }
  pg_dir="$work/pg"
  mkdir -p "$pg_dir/data" "$pg_dir/sock"
  echo postgres >"$pg_dir/pwfile"; chmod 644 "$pg_dir/pwfile"
  if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$pg_dir/data" "$pg_dir/sock"; fi
  as_pg "$pg_bin/initdb -D $pg_dir/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$pg_dir/pwfile -E UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/sock/pg.log -o '-p $port -k $pg_dir/sock -c listen_addresses=127.0.0.1 $*' -w start" >/dev/null \
    || { cat "$pg_dir/sock/pg.log" >&2; return 1; }
}

stop_private_postgres() {
  if [[ -n "${pg_dir:-}" ]]; then as_pg "$pg_bin/pg_ctl -D $pg_dir/data -m immediate -w stop" >/dev/null 2>&1 || true; fi
}
