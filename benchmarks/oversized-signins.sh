#!/usr/bin/env bash
# The server's memory under a burst of oversized anonymous sign-ins: RSS idle, during, and 10 s after 16 parallel
# POST /api/v1/auth/login with a 28 MB body each (as a client that wanted to exhaust memory would send).
#
#   benchmarks/oversized-signins.sh                 # PARALLEL=16 SIZE_MB=28 ROUNDS=3
#   PARALLEL=32 ROUNDS=5 benchmarks/oversized-signins.sh
#   CHUNKED=1 benchmarks/oversized-signins.sh      # the bodies without Content-Length (Transfer-Encoding: chunked)
#
# Builds once (Release), starts `dotnet Touchpoint.Web.dll` in Production on an empty SQLite database (its own free
# port and data folder), waits for /health, rests 5 s and reads VmRSS from /proc/<pid>/status (idle). Then ROUNDS
# bursts of PARALLEL curl processes, each posting the same SIZE_MB file, while RSS is sampled every 50 ms (the peak is
# "during"); after the last burst it rests 10 s and reads RSS again ("after"). Prints the status codes curl got, the
# three figures in MiB and what "after" is above idle.
set -euo pipefail
cd "$(dirname "$0")/.."

PARALLEL=${PARALLEL:-16}
SIZE_MB=${SIZE_MB:-28}
ROUNDS=${ROUNDS:-3}
bin=src/Touchpoint.Web/bin/Release/net10.0

echo "Building src/Touchpoint.Web (Release)…"
if ! build_log=$(dotnet build src/Touchpoint.Web -c Release -nologo 2>&1); then
  echo "$build_log" | grep -E "error|Error" | sort -u >&2
  exit 1
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d /tmp/touchpoint-oversized.XXXXXX)
pid=""
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$bin" && exec env Touchpoint__DataFolder="$work/data" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Touchpoint__Admin__Email=admin@bench.local Touchpoint__Admin__Password=Bench-Pass-123 dotnet Touchpoint.Web.dll >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.1
done
# The body: valid JSON as far as it goes, SIZE_MB of it.
python3 - "$work/body.json" "$SIZE_MB" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"email":"a@b.c","password":"')
    f.write("x" * (int(sys.argv[2]) * 1024 * 1024 - 40))
    f.write('"}')
PY
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }

sleep 5
idle=$(rss)
(while true; do rss >>"$work/samples"; echo >>"$work/samples"; sleep 0.05; done) &
sampler=$!
headers=(-H "Content-Type: application/json")
[[ -n "${CHUNKED:-}" ]] && headers+=(-H "Transfer-Encoding: chunked")
start=$(date +%s%N)
for round in $(seq 1 "$ROUNDS"); do
  clients=()
  for _ in $(seq 1 "$PARALLEL"); do
    (curl -s -o /dev/null -w "%{http_code}\n" "${headers[@]}" --data-binary "@$work/body.json" "http://127.0.0.1:$port/api/v1/auth/login" || true) >>"$work/codes" &
    clients+=($!)
  done
  wait "${clients[@]}" || true
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill "$sampler" 2>/dev/null || true
sampler=""
peak=$(sort -n "$work/samples" | tail -1)
sleep 10
after=$(rss)

echo "answers: $(sort "$work/codes" | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')(${ROUNDS} rounds of ${PARALLEL} × ${SIZE_MB} MB in ${elapsed_ms} ms${CHUNKED:+, chunked})"
echo "RSS idle ${idle} MiB, peak during ${peak} MiB, 10 s after ${after} MiB (after − idle: $(( after - idle )) MiB)"
