#!/usr/bin/env bash
# The global search (GET /search) at the server with 1,000,000 contacts: median and P95 of the GlobalSearch handler
# beside the bare queries (the same SQL, plain ADO.NET), for six typed texts, on SQLite and, when TOUCHPOINT_BENCH_PG is
# set, PostgreSQL.
#
#   benchmarks/global-search.sh
#   TOUCHPOINT_BENCH_PG="Host=127.0.0.1;Port=55433;Username=postgres;Password=postgres;Database=touchpoint_bench_search" benchmarks/global-search.sh
#
# Makes the databases anew every run with the CLI (`touchpoint db migrate`, `touchpoint demo seed`, `touchpoint demo
# generate --contacts 1000000`, seed 5050), so the data is the same each time. CAUTION: the PostgreSQL database
# TOUCHPOINT_BENCH_PG names is dropped and made again. The SQLite file is TOUCHPOINT_BENCH_SQLITE (default
# /tmp/touchpoint-bench-search/touchpoint.db). KEEP=1 measures the databases of the previous run again.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export TOUCHPOINT_BENCH_SQLITE=${TOUCHPOINT_BENCH_SQLITE:-/tmp/touchpoint-bench-search/touchpoint.db}
CONTACTS=${CONTACTS:-1000000}

for project in src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

if [[ "${KEEP:-0}" != 1 ]]; then
  bench reset
  mkdir -p "$(dirname "$TOUCHPOINT_BENCH_SQLITE")"
  (
    export Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$TOUCHPOINT_BENCH_SQLITE"
    cli db migrate && cli demo seed && cli demo generate --contacts "$CONTACTS"
  )
  if [[ -n "${TOUCHPOINT_BENCH_PG:-}" ]]; then
    (
      export Touchpoint__Database__Provider=postgres ConnectionStrings__Touchpoint="$TOUCHPOINT_BENCH_PG"
      cli db migrate && cli demo seed && cli demo generate --contacts "$CONTACTS"
    )
  fi
fi

cd benchmarks
bench --filter '*GlobalSearchBenchmarks*'
