#!/usr/bin/env bash
# Exporting the whole interaction log through the API, SQLite: GET /api/v1/interactionLogEntries with
# Accept: text/csv, then with the Excel type, every row the (empty) filter selects. For each: the time until the last
# byte, the size, the rows, and the web app's peak RSS during the export against its RSS at rest before it. Beside them
# the bare figure: the same rows (the log without the postponed entries, newest first) written by `sqlite3 -csv`.
#
#   benchmarks/export-log.sh                          # ENTRIES=1010000 (1 % come out postponed: about 1,000,000 exported)
#   ENTRIES=100000 benchmarks/export-log.sh           # a quick run
#   REUSE=1 benchmarks/export-log.sh                  # keep the database made by an earlier run
#
# The database (`touchpoint db migrate`, `demo seed`, `demo generate --contacts 100000 --entries $ENTRIES --canceled 3
# --seed 5050`) is $WORK/touchpoint.db (WORK defaults to /tmp/touchpoint-export). The app runs from its Release output
# in Production; RSS is read from /proc/<pid>/status every 20 ms while curl downloads. The downloads are deleted after
# they have been counted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ENTRIES=${ENTRIES:-1010000}
CONTACTS=${CONTACTS:-100000}
IDLE=${IDLE:-10}
WORK=${WORK:-/tmp/touchpoint-export}
db="$WORK/touchpoint.db"

for project in src/Touchpoint.Web src/Touchpoint.Cli; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }

export Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$db"
if [[ "${REUSE:-0}" == 1 && -f "$db" ]]; then
  echo "Reusing $db"
else
  rm -rf "$WORK"
  mkdir -p "$WORK"
  cli db migrate | tail -n 1
  cli demo seed | tail -n 1
  cli demo generate --contacts "$CONTACTS" --entries "$ENTRIES" --canceled 3 --seed 5050 | tail -n 1
fi

pid=""
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -f "$WORK"/export.* "$WORK"/bare.csv "$WORK"/rss.txt
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password="Bench-$(date +%s)-Pw!"
(cd src/Touchpoint.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Touchpoint__DataFolder="$WORK/data" Touchpoint__Admin__Email=bench@touchpoint.local Touchpoint__Admin__Password="$password" \
    dotnet Touchpoint.Web.dll >"$WORK/app.log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 "$pid" 2>/dev/null || { echo "The app exited; its output:" >&2; cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
url="http://127.0.0.1:$port"
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"bench@touchpoint.local\",\"password\":\"$password\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
# One small list call first, so that the code paths are compiled before the app is measured at rest.
curl -fs -o /dev/null "$url/api/v1/interactionLogEntries?limit=5" -H "Authorization: Bearer $token"
sleep "$IDLE"
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
idle=$(rss_kb)
echo "app at rest: RSS $(( idle / 1024 )) MiB"

export_one() { # $1: csv|xlsx, $2: the Accept type
  : >"$WORK/rss.txt"
  ( while kill -0 "$pid" 2>/dev/null; do rss_kb >>"$WORK/rss.txt"; sleep 0.02; done ) &
  sampler=$!
  local timing
  timing=$(curl -fs -o "$WORK/export.$1" -H "Authorization: Bearer $token" -H "Accept: $2" \
    -w '%{time_starttransfer} %{time_total} %{size_download}' "$url/api/v1/interactionLogEntries")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sampler=""
  local peak rows
  peak=$(sort -n "$WORK/rss.txt" | tail -n 1)
  if [[ "$1" == csv ]]; then
    rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$WORK/export.csv")
  else
    rows=$(python3 -c 'import re, sys, zipfile; print(len(re.findall(rb"<row ", zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml"))) - 1)' "$WORK/export.xlsx")
  fi
  read -r first total size <<<"$timing"
  printf '%-4s %9d rows  %7.1f s (first byte %.2f s)  %6.1f MiB  peak RSS %4d MiB (+%d MiB over rest)\n' \
    "$1" "$rows" "$total" "$first" "$(echo "$size / 1048576" | bc -l)" $(( peak / 1024 )) $(( (peak - idle) / 1024 ))
  rm -f "$WORK/export.$1"
}
export_one csv text/csv
export_one xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

# The bare figure: the database alone writing the same rows as CSV.
bare=$( { /usr/bin/time -f '%e %M' sqlite3 -csv -header "$db" \
  'SELECT * FROM "InteractionLogEntries" WHERE "Postponed" = 0 ORDER BY "EntryNo" DESC' >"$WORK/bare.csv"; } 2>&1 )
read -r bare_s bare_kb <<<"$bare"
printf 'bare %9d rows  %7.1f s  %6.1f MiB  sqlite3 -csv, max RSS %d MiB\n' "$(( $(wc -l <"$WORK/bare.csv") - 1 ))" "$bare_s" \
  "$(echo "$(stat -c %s "$WORK/bare.csv") / 1048576" | bc -l)" $(( bare_kb / 1024 ))
