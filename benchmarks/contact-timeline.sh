#!/usr/bin/env bash
# The contact card's timeline at the server, on SQLite and PostgreSQL: median, P95 and max of GetContactTimeline's first
# screen (25 items) for a company with 50 persons and 10,000 entries, next to the bare SQL that reads the same 25 rows.
#
#   benchmarks/contact-timeline.sh                                  # SQLite only
#   TOUCHPOINT_BENCH_PG="Host=…;Port=…;Username=…;Password=…" benchmarks/contact-timeline.sh   # and PostgreSQL
#   RUNS=500 benchmarks/contact-timeline.sh
#
# Each database is made anew: `touchpoint db migrate`, `touchpoint demo seed` (the demo company with its year of
# interactions) and `touchpoint demo generate --contacts $BACKGROUND --entries 10×$BACKGROUND` (default 20,000 contacts,
# 200,000 entries: the log the company's rows stand among, so that they are not most of the table), then `… Touchpoint.Benchmarks.dll contact-timeline` adds the
# company TLCO with 50 persons, 10,000 entries over three years of weekdays through the logging pipeline (every fifth a
# sales invoice, every tenth with a comment, one in twenty canceled), 200 notes and 20 opportunities (half closed), and
# runs ANALYZE, and measures, the cases called in turn in each round (so each meets the same load): the first screen, a
# page 4,000 items down, a person's first screen, each in a fresh DI scope as a request has; and the bare SQL (one UNION ALL of the four sources' newest rows, ADO.NET, a pooled connection per call). It
# prints the bare SQL's plan last. SQLite: a file in WORK (default /tmp/touchpoint-bench-timeline); PostgreSQL: the
# database touchpoint_bench_timeline on the server of TOUCHPOINT_BENCH_PG, dropped before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${RUNS:-200}   # measured rounds
WORK=${WORK:-/tmp/touchpoint-bench-timeline}
BACKGROUND=${BACKGROUND:-20000}

for project in src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

run() {
  local provider=$1 connection=$2
  echo "== $provider"
  (
    export Touchpoint__Database__Provider=$provider ConnectionStrings__Touchpoint="$connection"
    cli db migrate >/dev/null
    cli demo seed >/dev/null
    cli demo generate --contacts "$BACKGROUND" --entries "$((BACKGROUND * 10))" >/dev/null
  )
  bench contact-timeline "$provider" "$connection" "$RUNS"
}

rm -rf "$WORK" && mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
run sqlite "Data Source=$WORK/touchpoint.db"

if [[ -n "${TOUCHPOINT_BENCH_PG:-}" ]]; then
  pg="${TOUCHPOINT_BENCH_PG%;};Database=touchpoint_bench_timeline"
  bench drop-pg-database "$pg"
  trap 'rm -rf "$WORK"; bench drop-pg-database "$pg" || true' EXIT
  run postgres "$pg"
fi
