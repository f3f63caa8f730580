#!/usr/bin/env bash
# Throughput of POST /api/v1/interactions with concurrent clients on SQLite or PostgreSQL, end to end (HTTP, bearer sign-in, JSON,
# the checks of rules 12–19, the entry, its statistics), next to the bare database: the same number of connections
# each inserting one copy of a log entry per transaction into the same table.
#
#   benchmarks/post-interactions.sh                 # 8 clients, 20 s, on the interaction-log.sh database
#   CLIENTS=8 SECONDS_=30 WARMUP=15 benchmarks/post-interactions.sh
#   PROVIDER=postgres benchmarks/post-interactions.sh  # a private PostgreSQL cluster, 1,000,000 entries made for the run
#   PERF=/tmp/post.perf benchmarks/post-interactions.sh # and a CPU profile of the measured period (perf record)
#
# SQLite: the database is a copy of TOUCHPOINT_BENCH_SQLITE_LOG (made by benchmarks/interaction-log.sh, e.g. with
# ENTRIES=10000000 CONTACTS=1000000, or by `touchpoint db migrate`, `demo seed` and `demo generate --contacts 100000
# --entries 1000000 --canceled 3`), so the measured one is left as it was; the copy is deleted afterwards.
# PostgreSQL: a throw-away cluster (initdb into a temp folder, port PG_PORT=55438, default settings, so fsync is on),
# filled by those same three commands (CONTACTS, ENTRIES); its bare run inserts into the database the app wrote to. The app
# runs from its Release output in Production (no demo seeding), with its default logging, on a free port. The load
# comes from wrk (Debian package wrk; installed here when missing and run as root): CLIENTS connections, each sending
# the next request when the last is answered, with a random contact (of 1,000 not privacy-blocked), template (without
# attachment) and salesperson per request, correspondence type none. wrk and the app share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PROVIDER=${PROVIDER:-sqlite}
source_db=${TOUCHPOINT_BENCH_SQLITE_LOG:-/tmp/touchpoint-bench-log/touchpoint.db}
CLIENTS=${CLIENTS:-8}
SECONDS_=${SECONDS_:-20}
WARMUP=${WARMUP:-15}
PG_PORT=${PG_PORT:-55438}
CONTACTS=${CONTACTS:-100000}
ENTRIES=${ENTRIES:-1000000}
case "$PROVIDER" in
  sqlite) [[ -f "$source_db" ]] || { echo "$source_db does not exist: run benchmarks/interaction-log.sh first." >&2; exit 1; } ;;
  postgres) ;;
  *) echo "PROVIDER must be sqlite or postgres" >&2; exit 2 ;;
esac
if ! command -v wrk >/dev/null; then
  [[ "$(id -u)" == 0 ]] && apt-get install -y -qq wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

for project in src/Touchpoint.Web src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }

work=$(mktemp -d /tmp/touchpoint-post.XXXXXX)
chmod 755 "$work"
pid=""
source "$root/benchmarks/private-postgres.sh"
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

copy() {
  rm -f "$work"/touchpoint.db*
  cp "$source_db" "$work/touchpoint.db"
  for suffix in -wal -shm; do if [[ -f "$source_db$suffix" ]]; then cp "$source_db$suffix" "$work/touchpoint.db$suffix"; fi; done
}

if [[ "$PROVIDER" == sqlite ]]; then
  echo "Copying $source_db ($(du -h "$source_db" | cut -f1))…"
  copy
  connection="Data Source=$work/touchpoint.db"
else
  start_private_postgres "$PG_PORT" || exit 1
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=touchpoint_post"
  echo "Making the PostgreSQL database: $CONTACTS contacts, $ENTRIES entries…"
  export Touchpoint__Database__Provider=postgres ConnectionStrings__Touchpoint=$connection
  cli db migrate | tail -n 1
  cli demo seed | tail -n 1
  cli demo generate --contacts "$CONTACTS" --entries "$ENTRIES" --canceled 3 | tail -n 1
  unset Touchpoint__Database__Provider ConnectionStrings__Touchpoint
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password="Bench-$(date +%s)-Pw!"
# PERF=FILE: a CPU profile of the measured period by `perf record` (Debian's linux-perf), the app's JIT-compiled frames
# named through the map file the runtime writes (/tmp/perf-PID.map; W^X off, or the code lives in a double-mapped
# memfd perf cannot name). Read it with `perf report -i FILE` while the map file is still there.
perf_env=()
if [[ -n "${PERF:-}" ]]; then perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0); fi
(cd src/Touchpoint.Web/bin/Release/net10.0 && exec env "${perf_env[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Touchpoint__Database__Provider="$PROVIDER" ConnectionStrings__Touchpoint="$connection" \
    Touchpoint__DataFolder="$work/data" Touchpoint__Admin__Email=bench@touchpoint.local Touchpoint__Admin__Password="$password" \
    dotnet Touchpoint.Web.dll >"$work/app.log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 "$pid" 2>/dev/null || { echo "The app exited; its output:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 0.1
done
url="http://127.0.0.1:$port"
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"bench@touchpoint.local\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
db="$work/touchpoint.db"
# A query's first column, one line per row, on the database the app uses.
sql() {
  if [[ "$PROVIDER" == sqlite ]]; then
    python3 -c 'import sqlite3, sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$db" "$1"
  else
    PGPASSWORD=postgres "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d touchpoint_post -Atc "$1"
  fi
}
sql 'SELECT "No" FROM "Contacts" WHERE NOT "PrivacyBlocked" ORDER BY "No" LIMIT 1000' >"$work/contacts.txt"
sql 'SELECT "Code" FROM "InteractionTemplates" t WHERE NOT EXISTS (SELECT 1 FROM "InteractionTemplateLanguages" l WHERE l."InteractionTemplateCode" = t."Code" AND l."AttachmentNo" IS NOT NULL)' >"$work/templates.txt"
sql 'SELECT "Code" FROM "Salespeople" WHERE NOT "Blocked"' >"$work/salespeople.txt"
cat >"$work/post.lua" <<LUA
local function lines(path) local t = {} for l in io.lines(path) do t[#t + 1] = l end return t end
local contacts, templates, salespeople = lines("$work/contacts.txt"), lines("$work/templates.txt"), lines("$work/salespeople.txt")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  local body = string.format('{"contactNo":"%s","interactionTemplateCode":"%s","salespersonCode":"%s","description":"Load test call","correspondenceType":"none"}',
    contacts[math.random(#contacts)], templates[math.random(#templates)], salespeople[math.random(#salespeople)])
  return wrk.format(nil, "/api/v1/interactions", nil, body)
end
LUA
echo "Warm-up ($WARMUP s, so that the JIT has optimised the hot path), then $SECONDS_ s measured; $CLIENTS connections:"
wrk -t 2 -c "$CLIENTS" -d "${WARMUP}s" -s "$work/post.lua" "$url" >/dev/null
if [[ -n "${PERF:-}" ]]; then
  perf record -F 999 -g -p "$pid" -o "$PERF" -- sleep "$SECONDS_" >/dev/null 2>&1 &
  perf_pid=$!
fi
# The app's own CPU time (user + system, from /proc) over the measured period, per request: the figure that machine
# load changes least, since wrk and the app share the cores.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks_before=$(cpu_ticks)
wrk -t 2 -c "$CLIENTS" -d "${SECONDS_}s" --latency -s "$work/post.lua" "$url" | tee "$work/wrk.txt" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|requests in"
ticks_after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
python3 -c "import os, sys; t = (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK'); print(f'app CPU: {t:.1f} s for {int(sys.argv[3]):,} requests = {1000 * t / int(sys.argv[3]):.3f} ms a request')" "$ticks_before" "$ticks_after" "$requests"
if [[ -n "${PERF:-}" ]]; then wait "$perf_pid" || true; echo "profile: $PERF (map file /tmp/perf-$pid.map)"; fi
created=$(sql "SELECT COUNT(*) FROM \"InteractionLogEntries\" WHERE \"Description\" = 'Load test call'")
echo "entries logged by the load (warm-up included): $created"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

if [[ "$PROVIDER" == sqlite ]]; then
  echo "Bare database, a fresh copy: $CLIENTS connections, each one INSERT (a copy of a random entry) per transaction:"
  copy
  bench bare-insert "$work/touchpoint.db" "$CLIENTS" "$SECONDS_"
else
  echo "Bare database, the same one: $CLIENTS connections, each one INSERT (a copy of a random entry) per transaction:"
  bench bare-insert-pg "$connection" "$CLIENTS" "$SECONDS_"
fi
