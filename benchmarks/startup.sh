#!/usr/bin/env bash
# Start-up time of the web app on an empty SQLite database (until GET /health answers 200) and its idle memory.
#
#   benchmarks/startup.sh            # N=5 runs, 10 s idle before reading RSS
#   N=10 IDLE=30 benchmarks/startup.sh
#   SEED_DEMO=false benchmarks/startup.sh   # the same without the demo company, to see what seeding costs
#
# Builds once (Release), then per run: a new empty data folder, `dotnet Touchpoint.Web.dll` in Development (so the
# database is migrated and the demo company seeded, as with the README's run command), curl on /health every 20 ms,
# the time from launch to the first 200, IDLE seconds of rest, VmRSS from /proc/<pid>/status, stop. Prints each run,
# then the median and the max. Each run uses its own free port, so a running instance elsewhere does not interfere.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-5}
IDLE=${IDLE:-10}
TIMEOUT_S=${TIMEOUT_S:-120}
bin=src/Touchpoint.Web/bin/Release/net10.0

echo "Building src/Touchpoint.Web (Release)…"
if ! build_log=$(dotnet build src/Touchpoint.Web -c Release -nologo 2>&1); then
  echo "$build_log" | grep -E "error|Error" | sort -u >&2
  exit 1
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

startups=()
rsss=()
for run in $(seq 1 "$N"); do
  data=$(mktemp -d /tmp/touchpoint-startup.XXXXXX)
  rm -rf "$data" # an empty data folder: the app creates it, the database, its schema and the demo data
  port=$(free_port)
  log="$data.log"
  start=$(now_ms)
  # Started from its output folder, as a deployed app is, so that its appsettings.json is the content root's.
  (cd "$bin" && exec env ${SEED_DEMO:+Touchpoint__SeedDemoData=$SEED_DEMO} Touchpoint__DataFolder="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Development \
      dotnet Touchpoint.Web.dll >"$log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: the app exited before /health answered; its output:" >&2
      cat "$log" >&2
      exit 1
    fi
    if (( $(now_ms) - start > TIMEOUT_S * 1000 )); then
      echo "run $run: /health did not answer 200 within ${TIMEOUT_S} s" >&2
      exit 1
    fi
    sleep 0.02
  done
  elapsed=$(( $(now_ms) - start ))
  sleep "$IDLE"
  rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  cleanup
  pid=""
  rm -rf "$data" "$log"
  startups+=("$elapsed")
  rsss+=("$rss_kb")
  printf 'run %d: start-up %5d ms, idle RSS %4d MiB\n' "$run" "$elapsed" $(( rss_kb / 1024 ))
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }

what="demo data seeded"
[[ -n "${SEED_DEMO:-}" ]] && what="Touchpoint:SeedDemoData=$SEED_DEMO"
echo "start-up until /health = 200 (empty SQLite, Development, $what), $N runs:" \
  "median $(median "${startups[@]}") ms, max $(max "${startups[@]}") ms"
echo "idle RSS after ${IDLE} s: median $(( $(median "${rsss[@]}") / 1024 )) MiB, max $(( $(max "${rsss[@]}") / 1024 )) MiB"
