#!/usr/bin/env bash
# Logging a segment of LINES contacts (default 10,000) with "Send" as e-mail, each with a one-page Word letter merged
# for it, until the last message has arrived at a real SMTP server on 127.0.0.1; meanwhile the interaction log's first
# page is read again and again (median and P95) and the app's peak RSS sampled. With CRASH=1 the app is killed
# (SIGKILL) when a third of the messages have arrived and started again; the messages that arrived twice are counted.
#
#   benchmarks/deliver-segment.sh                    # PROVIDER=sqlite LINES=10000
#   CRASH=1 benchmarks/deliver-segment.sh            # kill and restart in the middle
#   PROVIDER=postgres benchmarks/deliver-segment.sh  # a private throw-away PostgreSQL cluster (port PG_PORT=55437)
#
# The database: `touchpoint db migrate`, `touchpoint demo seed`, then LINES persons in the city "Mailbury", each with
# an e-mail address (`… Touchpoint.Benchmarks.dll log-segment-contacts`). The app runs from its Release output, started
# and killed by `… Touchpoint.Benchmarks.dll deliver-segment`, which also runs the SMTP server (the test kit's, built
# on the SmtpServer package: real SMTP over a socket, every message parsed and kept). Everything made is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PROVIDER=${PROVIDER:-sqlite}
LINES=${LINES:-10000}
PG_PORT=${PG_PORT:-55437}
CITY=Mailbury

for project in src/Touchpoint.Web src/Touchpoint.Cli benchmarks/Touchpoint.Benchmarks; do
  echo "Building $project (Release)…"
  if ! build_log=$(dotnet build "$project" -c Release -nologo 2>&1); then
    echo "$build_log" | grep -E "error" | sort -u >&2
    exit 1
  fi
done
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
bench() { dotnet "$root/benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll" "$@"; }

work=$(mktemp -d "${WORK:-/tmp}/touchpoint-deliver.XXXXXX")
chmod 755 "$work"
source "$root/benchmarks/private-postgres.sh"
cleanup() {
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

if [[ "$PROVIDER" == postgres ]]; then
  start_private_postgres "$PG_PORT" || exit 1
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=touchpoint_deliver"
else
  connection="Data Source=$work/touchpoint.db"
fi
export Touchpoint__Database__Provider=$PROVIDER ConnectionStrings__Touchpoint=$connection
cli db migrate | tail -n 1
cli demo seed | tail -n 1
bench log-segment-contacts "$PROVIDER" "$connection" "$CITY" "$LINES"
bench deliver-segment "$root/src/Touchpoint.Web/bin/Release/net10.0" "$CITY" "$LINES" "$work" ${CRASH:+crash}
