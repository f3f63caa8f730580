#!/usr/bin/env bash
# Sustained throughput of POST /api/v1/documentEvents with concurrent clients, on SQLite and on PostgreSQL, end to end
# (HTTP, bearer sign-in, JSON, the setup's template, the contact, the entry and its statistics), each request with an
# Idempotency-Key of its own (as an ERP retrying safely would send), and again without one.
#
#   benchmarks/post-document-events.sh                      # PROVIDER=both CLIENTS=8 SECONDS_=20 WARMUP=10
#   PROVIDER=sqlite CLIENTS=8 SECONDS_=30 benchmarks/post-document-events.sh
#
# The database, made anew per provider: `touchpoint db migrate`, `touchpoint demo seed` (the demo company and its
# interaction template setup: Sales Invoices = S_INVOICE) and `touchpoint demo generate --contacts $CONTACTS` (default
# 10,000). The load: wrk (Debian package wrk; installed when missing and run as root), CLIENTS connections, each
# sending the next request when the last is answered: a sales invoice with a random document no. for a random contact
# (of 1,000). SQLite: a file in a temp folder. PostgreSQL: a private throw-away cluster (port PG_PORT=55435, default
# settings, fsync on), or TOUCHPOINT_BENCH_PG. wrk and the app share this machine's cores. Everything made is deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PROVIDER=${PROVIDER:-both}
CLIENTS=${CLIENTS:-8}
SECONDS_=${SECONDS_:-20}
WARMUP=${WARMUP:-10}
CONTACTS=${CONTACTS:-10000}
PG_PORT=${PG_PORT:-55435}
case "$PROVIDER" in
  both) providers=(sqlite postgres) ;;
  sqlite | postgres) providers=("$PROVIDER") ;;
  *) echo "PROVIDER must be sqlite, postgres or both" >&2; exit 2 ;;
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
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

work=$(mktemp -d /tmp/touchpoint-doc-events.XXXXXX)
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

start_postgres() {
  if [[ -n "${TOUCHPOINT_BENCH_PG:-}" ]]; then
    pg_connection="${TOUCHPOINT_BENCH_PG%;};Database=touchpoint_doc_events"
    return
  fi
  start_private_postgres "$PG_PORT" -c max_connections=200 || return 1
  pg_connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=touchpoint_doc_events"
}

declare -A summary
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
    bench drop-pg-database "$connection" >/dev/null 2>&1 || true
  fi
  export Touchpoint__Database__Provider=$provider ConnectionStrings__Touchpoint=$connection
  cli db migrate | tail -n 1
  cli demo seed | tail -n 1
  cli demo generate --contacts "$CONTACTS" | tail -n 1
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
  url="http://127.0.0.1:$port"
  token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"bench@touchpoint.local\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
  curl -fs "$url/api/v1/contacts?limit=1000" -H "Authorization: Bearer $token" \
    | python3 -c 'import sys, json; [print(c["no"]) for c in json.load(sys.stdin)["value"] if not c.get("privacyBlocked")]' >"$work/contacts.txt"
  for keyed in yes no; do
    cat >"$work/post-$keyed.lua" <<LUA
local contacts = {} for l in io.lines("$work/contacts.txt") do contacts[#contacts + 1] = l end
local keyed = "$keyed" == "yes"
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
setup = function(thread) thread:set("id", tostring(math.random(1, 1e9))) end
request = function()
  n = n + 1
  -- wrk.format takes these headers instead of wrk.headers, not in addition to them.
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token" }
  if keyed then headers["Idempotency-Key"] = string.format("%s-%s-%d", "$keyed", id or "t", n) end
  local body = string.format('{"documentType":"salesInvoice","documentNo":"SI%07d","contactNo":"%s","description":"Load test invoice"}',
    math.random(1, 9999999), contacts[math.random(#contacts)])
  return wrk.format(nil, "/api/v1/documentEvents", headers, body)
end
LUA
    echo "Idempotency-Key: $keyed. Warm-up $WARMUP s, then $SECONDS_ s measured; $CLIENTS connections:"
    wrk -t 2 -c "$CLIENTS" -d "${WARMUP}s" -s "$work/post-$keyed.lua" "$url" >/dev/null
    out=$(wrk -t 2 -c "$CLIENTS" -d "${SECONDS_}s" --latency -s "$work/post-$keyed.lua" "$url")
    echo "$out" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|requests in"
    summary[$provider-$keyed]="$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f/s", $2 }') (median $(echo "$out" | awk '$1 == "50%" { print $2 }'), P99 $(echo "$out" | awk '$1 == "99%" { print $2 }'))$(echo "$out" | grep -q Non-2xx && echo ' NON-2xx!' || true)"
  done
  stop_app
  unset Touchpoint__Database__Provider ConnectionStrings__Touchpoint
done

echo
echo "POST /api/v1/documentEvents, $CLIENTS clients, $SECONDS_ s after $WARMUP s warm-up:"
for provider in "${providers[@]}"; do
  echo "| $provider | with Idempotency-Key ${summary[$provider-yes]} | without ${summary[$provider-no]} |"
done
