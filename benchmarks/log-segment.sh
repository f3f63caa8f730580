#!/usr/bin/env bash
# Logging a segment of LINES lines (default 100,000), end to end through the API, on SQLite and on PostgreSQL, next to
# the bare database inserting the same rows:
#   a) POST /api/v1/segments/{no}/addContacts {"filter":{"city":…}}: LINES lines in one call (aim < 1 s);
#   b) POST /api/v1/segments/{no}/log {"send":false,"createFollowUpSegment":false}, timed from request to answer, each
#      run on a new segment filled as in a);
#   c) the app's peak memory during b), above its RSS just before the request (aim < 150 MiB): VmHWM is reset through
#      /proc/PID/clear_refs before the request and read after it, and VmRSS is sampled every 10 ms meanwhile;
#   d) the bare database: the rows of the last logged segment (what the app wrote) inserted again in one transaction,
#      SQLite one prepared INSERT, PostgreSQL one binary COPY, through the app's libraries; deleted again after each
#      run (`… Touchpoint.Benchmarks.dll bare-log-insert`). Aim: b) within 2× of d).
# Median and max of RUNS (default 5) each.
#
#   benchmarks/log-segment.sh                          # PROVIDER=both LINES=100000 RUNS=5
#   PROVIDER=sqlite RUNS=3 benchmarks/log-segment.sh
#   TOUCHPOINT_BENCH_PG="Host=…;Port=…;Username=…;Password=…" benchmarks/log-segment.sh   # a server of your own
#
# The database, made anew per provider for every run of the script: `touchpoint db migrate`, `touchpoint demo seed`
# (the demo company: 800 contacts, templates, salespeople), `touchpoint demo generate --contacts $BACKGROUND` (default
# 100,000 contacts in the cities of six countries, seed 5050), then LINES persons in the city "Logbury" (name, e-mail,
# post code) through the same bulk path (`… Touchpoint.Benchmarks.dll log-segment-contacts`). The segments have the
# first demo template without attachment and the first salesperson on their header, so every line is valid. Each
# run's log stays in the database, so run k logs into a table of (k-1)·LINES entries.
# SQLite: a file in a temp folder (WORK, default /tmp). PostgreSQL: a private throw-away cluster (initdb into a temp
# folder, port PG_PORT=55434, default settings, so fsync is on; stopped and deleted on exit), or the server of
# TOUCHPOINT_BENCH_PG, in which the database touchpoint_log_segment is made and dropped afterwards.
# The app runs from its Release output (Production, its default logging, an admin from Touchpoint:Admin:*) on a free
# port, and is stopped before the bare runs. Everything made is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PROVIDER=${PROVIDER:-both}
LINES=${LINES:-100000}
RUNS=${RUNS:-5}
BACKGROUND=${BACKGROUND:-100000}
PG_PORT=${PG_PORT:-55434}
CITY=Logbury
case "$PROVIDER" in
  both) providers=(sqlite postgres) ;;
  sqlite | postgres) providers=("$PROVIDER") ;;
  *) echo "PROVIDER must be sqlite, postgres or both" >&2; exit 2 ;;
esac

for project in src/Touchpoint.Web src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

work=$(mktemp -d "${WORK:-/tmp}/touchpoint-log-segment.XXXXXX")
chmod 755 "$work"
pid=""
pg_database=""
source "$root/benchmarks/private-postgres.sh"
stop_app() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  pid=""
}
cleanup() {
  stop_app
  if [[ -n "$pg_database" ]]; then bench drop-pg-database "$pg_database" >/dev/null 2>&1 || true; fi
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# Sets pg_connection (not through $(…): the cluster's folder must be known to cleanup).
start_postgres() {
  if [[ -n "${TOUCHPOINT_BENCH_PG:-}" ]]; then
    pg_connection="${TOUCHPOINT_BENCH_PG%;};Database=touchpoint_log_segment"
    return
  fi
  start_private_postgres "$PG_PORT" || return 1
  pg_connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=touchpoint_log_segment"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
declare -A result
for provider in "${providers[@]}"; do
  echo
  echo "=== $provider"
  if [[ "$provider" == sqlite ]]; then
    mkdir -p "$work/sqlite"
    connection="Data Source=$work/sqlite/touchpoint.db"
  else
    start_postgres
    connection=$pg_connection
    pg_database=$connection
    bench drop-pg-database "$connection"
  fi
  export Touchpoint__Database__Provider=$provider ConnectionStrings__Touchpoint=$connection
  start=$(now_ms)
  cli db migrate | tail -n 1
  cli demo seed | tail -n 1
  if [[ "$BACKGROUND" -gt 0 ]]; then cli demo generate --contacts "$BACKGROUND" | tail -n 1; fi
  bench log-segment-contacts "$provider" "$connection" "$CITY" "$LINES"
  echo "Database ready in $(( ($(now_ms) - start) / 1000 )) s"

  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  password="Bench-$(date +%s)-Pw!"
  (cd src/Touchpoint.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Touchpoint__DataFolder="$work/data" Touchpoint__Admin__Email=bench@touchpoint.local Touchpoint__Admin__Password="$password" \
      dotnet Touchpoint.Web.dll >"$work/app-$provider.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "The app exited; its output:" >&2; cat "$work/app-$provider.log" >&2; exit 1; }
    sleep 0.1
  done
  bench log-segment-load "http://127.0.0.1:$port" bench@touchpoint.local "$password" "$pid" "$CITY" "$LINES" "$RUNS" | tee "$work/load-$provider.txt"
  stop_app
  # The app's own account of each log: its total and the time spent reading lines and writing entries.
  grep -o 'Logged segment .*' "$work/app-$provider.log" || true
  bench bare-log-insert "$provider" "$connection" "$RUNS" | tee "$work/bare-$provider.txt"
  unset Touchpoint__Database__Provider ConnectionStrings__Touchpoint
  result[$provider]="$(grep '^RESULT' "$work/load-$provider.txt") $(grep '^RESULT' "$work/bare-$provider.txt" | sed 's/^RESULT//')"
done

echo
echo "Logging a $(printf "%'d" "$LINES")-line segment, $RUNS runs (median / max):"
printf '| %-8s | %-17s | %-17s | %-17s | %-8s | %-27s |\n' provider "addContacts" "log (API)" "bare insert" "log/bare" "peak memory above idle"
printf '|%s|%s|%s|%s|%s|%s|\n' ---------- ------------------- ------------------- ------------------- ---------- -----------------------------
for provider in "${providers[@]}"; do
  declare -A v=()
  for pair in ${result[$provider]#RESULT }; do v[${pair%%=*}]=${pair#*=}; done
  ratio=$(awk -v a="${v[log_median_ms]}" -v b="${v[bare_median_ms]}" 'BEGIN { printf "%.2f×", a / b }')
  # %-9s for the ratio: "×" takes two bytes and printf pads by bytes.
  printf '| %-8s | %-17s | %-17s | %-17s | %-9s | %-27s |\n' "$provider" \
    "${v[add_median_ms]} / ${v[add_max_ms]} ms" "${v[log_median_ms]} / ${v[log_max_ms]} ms" "${v[bare_median_ms]} / ${v[bare_max_ms]} ms" \
    "$ratio" "${v[mem_above_idle_median_mib]} / ${v[mem_above_idle_max_mib]} MiB (idle ${v[idle_median_mib]})"
  unset v
done
