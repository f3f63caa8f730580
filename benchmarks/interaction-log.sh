#!/usr/bin/env bash
# The interaction log at the server, SQLite only: median and P95 of the ListInteractionLogEntries handler (first page of
# a person's entries; of a company with its persons) and of InteractionStatistics (a person; a company; the most used
# template and the most used group over the whole log).
#
#   benchmarks/interaction-log.sh                                     # 100,000 contacts, 1,000,000 entries
#   CONTACTS=1000000 ENTRIES=10000000 CANCELED=10 benchmarks/interaction-log.sh   # the measured size (README)
#   REUSE=1 benchmarks/interaction-log.sh                             # keep the file made by an earlier run
#
# Makes the SQLite file anew (unless REUSE=1 and it exists) with the CLI (`touchpoint db migrate`, `touchpoint demo
# seed`, `touchpoint demo generate --contacts $CONTACTS --entries $ENTRIES --canceled $CANCELED`, seed 5050), so the
# data is the same each time; CANCELED is the percentage of canceled entries (10 % makes the million that
# benchmarks/delete-canceled.sh deletes). The file is
# TOUCHPOINT_BENCH_SQLITE_LOG (default /tmp/touchpoint-bench-log/touchpoint.db). The contact, company, template and
# group are picked from the database in the benchmark's GlobalSetup. Prints the query plans first (EXPLAIN=0 to skip),
# then BenchmarkDotNet's table; the reports are written to benchmarks/BenchmarkDotNet.Artifacts/results.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export TOUCHPOINT_BENCH_SQLITE_LOG=${TOUCHPOINT_BENCH_SQLITE_LOG:-/tmp/touchpoint-bench-log/touchpoint.db}
CONTACTS=${CONTACTS:-100000}
ENTRIES=${ENTRIES:-1000000}
CANCELED=${CANCELED:-3}

for project in src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

if [[ "${REUSE:-0}" == 1 && -f "$TOUCHPOINT_BENCH_SQLITE_LOG" ]]; then
  echo "Reusing $TOUCHPOINT_BENCH_SQLITE_LOG"
else
  mkdir -p "$(dirname "$TOUCHPOINT_BENCH_SQLITE_LOG")"
  rm -f "$TOUCHPOINT_BENCH_SQLITE_LOG" "$TOUCHPOINT_BENCH_SQLITE_LOG-wal" "$TOUCHPOINT_BENCH_SQLITE_LOG-shm"
  (
    export Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$TOUCHPOINT_BENCH_SQLITE_LOG"
    cli db migrate
    cli demo seed
    time cli demo generate --contacts "$CONTACTS" --entries "$ENTRIES" --canceled "$CANCELED"
  )
fi

if [[ "${EXPLAIN:-1}" != 0 ]]; then
  bench explain-log
fi
cd benchmarks
bench --filter '*InteractionLogBenchmarks*'
