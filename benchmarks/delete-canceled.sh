#!/usr/bin/env bash
# Deleting all canceled interaction log entries (rules 33–34) on SQLite, next to a bare SQL DELETE of the same rows on
# the same database. Each side runs on a fresh copy of TOUCHPOINT_BENCH_SQLITE_LOG (made by
# `CONTACTS=1000000 ENTRIES=10000000 CANCELED=10 benchmarks/interaction-log.sh`: about 1,000,000 canceled entries out of
# 10,000,000), RUNS times each (default 1), alternating:
#   - Touchpoint: `touchpoint interactions delete-canceled`, the whole command (start-up, counting, the entries, their
#     comments, attachments no one else uses, one transaction), timed from launch to exit;
#   - bare: one DELETE … WHERE Canceled AND NOT Postponed in one transaction, through the same SQLite library.
# The copies are deleted afterwards (each is the size of the database: check the free space of WORK, default /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source_db=${TOUCHPOINT_BENCH_SQLITE_LOG:-/tmp/touchpoint-bench-log/touchpoint.db}
RUNS=${RUNS:-1}
[[ -f "$source_db" ]] || { echo "$source_db does not exist: run benchmarks/interaction-log.sh first." >&2; exit 1; }

for project in src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

work=$(mktemp -d "${WORK:-/tmp}/touchpoint-delete.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy() {
  rm -f "$work"/touchpoint.db*
  cp "$source_db" "$work/touchpoint.db"
  for suffix in -wal -shm; do if [[ -f "$source_db$suffix" ]]; then cp "$source_db$suffix" "$work/touchpoint.db$suffix"; fi; done
  sync
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

for run in $(seq 1 "$RUNS"); do
  copy
  start=$(now_ms)
  Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$work/touchpoint.db" \
    cli interactions delete-canceled | tail -n 1
  echo "run $run: touchpoint interactions delete-canceled: $(( $(now_ms) - start )) ms"
  copy
  start=$(now_ms)
  bench bare-delete "$work/touchpoint.db"
  echo "run $run: bare DELETE (process included): $(( $(now_ms) - start )) ms"
done
