#!/usr/bin/env bash
# `touchpoint documents import FILE.csv` of LINES document events (default 100,000), on SQLite and optionally PostgreSQL:
#   a) import: every line logged (entries, statistics, idempotency records, one transaction), into a fresh copy of the
#      database each run;
#   b) re-import: the same file again on the same database, every line already imported (nothing written);
#   c) SQLite: the bare database storing the same rows (the last run's entries and idempotency records, copied into a
#      fresh copy of the database by one INSERT … SELECT each, one transaction, sqlite3 shell), if sqlite3 is installed.
# Each is timed twice: the import itself as the command reports it ("N lines in X s": from opening the file to the
# commit, without the process start, the host and the migration check), and the whole process from launch to exit.
# Median and max of RUNS (default 5) each.
#
#   benchmarks/document-import.sh                           # PROVIDER=sqlite LINES=100000 RUNS=5 CONTACTS=10000
#   PROVIDER=both RUNS=3 benchmarks/document-import.sh      # sqlite, then postgres
#   PROVIDER=postgres TOUCHPOINT_BENCH_PG="Host=…;Port=…;Username=…;Password=…" benchmarks/document-import.sh
#
# The database, made once per provider: `touchpoint db migrate`, `touchpoint demo seed` (the demo company: 800 contacts,
# 180 customers and 40 vendors linked to contacts by business relations, the interaction template setup with a template
# for sales invoices, quotes, order confirmations, credit memos and purchase orders) and `touchpoint demo generate
# --contacts $CONTACTS`. The file (python3, seed fixed): half the lines name a demo customer (customerNo: the contact is
# found through the business relation), half a contact (contactNo) of all 800 + CONTACTS; document types of the setup,
# versions 0–2, every third line a quoted description with a comma, a date and a time; CRLF line ends.
# SQLite: a file in a temp folder, copied anew for every run. PostgreSQL: a private throw-away cluster (initdb into the
# temp folder, port PG_PORT=55436, default settings, so fsync is on), or the server of TOUCHPOINT_BENCH_PG; each run's
# database is made from the prepared one with CREATE DATABASE … TEMPLATE. Everything made is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PROVIDER=${PROVIDER:-sqlite}
LINES=${LINES:-100000}
RUNS=${RUNS:-5}
CONTACTS=${CONTACTS:-10000}
PG_PORT=${PG_PORT:-55436}
case "$PROVIDER" in
  both) providers=(sqlite postgres) ;;
  sqlite | postgres) providers=("$PROVIDER") ;;
  *) echo "PROVIDER must be sqlite, postgres or both" >&2; exit 2 ;;
esac

echo "Building src/Touchpoint.Cli (Release)…"
if ! build_log=$(dotnet build src/Touchpoint.Cli -c Release -nologo 2>&1); then
  echo "$build_log" | grep -E "error" | sort -u >&2
  exit 1
fi
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }

work=$(mktemp -d /tmp/touchpoint-doc-import.XXXXXX)
chmod 755 "$work"
pg_server=""
source "$root/benchmarks/private-postgres.sh"
cleanup() {
  if [[ -n "${TOUCHPOINT_BENCH_PG:-}" && -n "$pg_server" ]]; then
    for db in $(psql_ -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'touchpoint_doc_import%'" 2>/dev/null); do
      psql_ -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    done
  fi
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# psql against the server (host, port, user and password taken from the Npgsql connection string).
psql_() {
  local host port user password
  host=$(sed -nE 's/.*Host=([^;]*).*/\1/p' <<<"$pg_server"); port=$(sed -nE 's/.*Port=([^;]*).*/\1/p' <<<"$pg_server")
  user=$(sed -nE 's/.*Username=([^;]*).*/\1/p' <<<"$pg_server"); password=$(sed -nE 's/.*Password=([^;]*).*/\1/p' <<<"$pg_server")
  PGPASSWORD=$password psql -h "$host" -p "${port:-5432}" -U "$user" -d postgres -v ON_ERROR_STOP=1 "$@"
}

start_postgres() {
  if [[ -n "${TOUCHPOINT_BENCH_PG:-}" ]]; then
    pg_server="${TOUCHPOINT_BENCH_PG%;}"
    return
  fi
  start_private_postgres "$PG_PORT" || return 1
  pg_server="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
}

echo "Writing $LINES lines of document events…"
python3 - "$LINES" "$((800 + CONTACTS))" "$work/events.csv" <<'PY'
import random, sys
lines, contacts, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(5050)
# The demo company's customers: C10000, C10010 … for 9 of every 10 of its 200 companies (SeedDemoCompany).
customers = [f"C{10000 + i * 10}" for i in range(200) if i % 10 != 9]
types = ["salesInvoice"] * 3 + ["salesQuote", "salesOrderConfirmation", "salesCreditMemo", "purchaseOrder"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("documentType,documentNo,versionNo,customerNo,contactNo,description,date,timeOfInteraction\r\n")
    for n in range(lines):
        recipient = f"{rnd.choice(customers)}," if n % 2 == 0 else f",CT{rnd.randint(1, contacts):06d}"
        description = '"Sent by post, with terms"' if n % 3 == 0 else ""
        f.write(f"{rnd.choice(types)},D{n:08d},{n % 3},{recipient},{description},2026-{1 + n % 12:02d}-{1 + n % 28:02d},{8 + n % 10:02d}:{n % 60:02d}\r\n")
PY

# Runs the command, prints its summary; sets $took (the import, as the command reports it) and $wall (the process), in ms.
timed_import() {
  local start end out
  start=$(date +%s%N)
  out=$(cli documents import "$work/events.csv")
  end=$(date +%s%N)
  wall=$(( (end - start) / 1000000 ))
  took=$(awk '/ lines in / { for (i = 1; i <= NF; i++) if ($i == "in") { printf "%d", $(i + 1) * 1000; exit } }' <<<"$out")
  echo "    $(grep -E 'logged,' <<<"$out") — import $took ms, process $wall ms"
}
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%d / %d ms", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[NR] }'; }

declare -A summary
for provider in "${providers[@]}"; do
  echo
  echo "=== $provider"
  if [[ "$provider" == sqlite ]]; then
    mkdir -p "$work/sqlite"
    base="Data Source=$work/sqlite/base.db"
  else
    start_postgres
    psql_ -c "DROP DATABASE IF EXISTS touchpoint_doc_import WITH (FORCE)" >/dev/null
    base="${pg_server};Database=touchpoint_doc_import"
  fi
  export Touchpoint__Database__Provider=$provider ConnectionStrings__Touchpoint=$base
  cli db migrate | tail -n 1
  cli demo seed | tail -n 1
  cli demo generate --contacts "$CONTACTS" | tail -n 1
  imports=(); reimports=(); import_walls=(); reimport_walls=()
  for run in $(seq 1 "$RUNS"); do
    if [[ "$provider" == sqlite ]]; then
      rm -f "$work/sqlite/run.db" "$work/sqlite/run.db-wal" "$work/sqlite/run.db-shm"
      cp "$work/sqlite/base.db" "$work/sqlite/run.db"
      export ConnectionStrings__Touchpoint="Data Source=$work/sqlite/run.db"
    else
      psql_ -c "DROP DATABASE IF EXISTS touchpoint_doc_import_run WITH (FORCE)" -c "CREATE DATABASE touchpoint_doc_import_run TEMPLATE touchpoint_doc_import" >/dev/null
      export ConnectionStrings__Touchpoint="${pg_server};Database=touchpoint_doc_import_run"
    fi
    echo "  run $run: import, then the same file again"
    timed_import; imports+=("$took"); import_walls+=("$wall")
    timed_import; reimports+=("$took"); reimport_walls+=("$wall")
  done
  bare="(sqlite only)"
  if [[ "$provider" == sqlite ]]; then
    # The bare database: the last run's entries and idempotency records copied by one INSERT … SELECT each into a fresh
    # copy of the database, in one transaction, by the sqlite3 shell (the app's WAL and synchronous=NORMAL, a 128 MB
    # page cache): what SQLite itself needs to store these rows in these tables with their indexes.
    if command -v sqlite3 >/dev/null; then
      bares=()
      for run in $(seq 1 "$RUNS"); do
        rm -f "$work/sqlite/bare.db" "$work/sqlite/bare.db-wal" "$work/sqlite/bare.db-shm"
        cp "$work/sqlite/base.db" "$work/sqlite/bare.db"
        start=$(date +%s%N)
        sqlite3 "$work/sqlite/bare.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072;
ATTACH '$work/sqlite/run.db' AS src;
BEGIN;
INSERT INTO main."InteractionLogEntries" SELECT * FROM src."InteractionLogEntries"
  WHERE "EntryNo" > (SELECT coalesce(max("EntryNo"), 0) FROM main."InteractionLogEntries");
INSERT INTO main."IdempotencyRecords" SELECT * FROM src."IdempotencyRecords"
  WHERE "Key" NOT IN (SELECT "Key" FROM main."IdempotencyRecords");
COMMIT;
SQL
        bares+=("$(( ($(date +%s%N) - start) / 1000000 ))")
        echo "  bare run $run: ${bares[-1]} ms"
      done
      bare=$(printf '%s\n' "${bares[@]}" | stats)
    else
      bare="(no sqlite3 shell)"
    fi
  fi
  summary[$provider]="| $provider | **$(printf '%s\n' "${imports[@]}" | stats)** | $(printf '%s\n' "${import_walls[@]}" | stats) | **$(printf '%s\n' "${reimports[@]}" | stats)** | $(printf '%s\n' "${reimport_walls[@]}" | stats) | $bare |"
  if [[ "$provider" == postgres ]]; then
    psql_ -c "DROP DATABASE IF EXISTS touchpoint_doc_import_run WITH (FORCE)" -c "DROP DATABASE IF EXISTS touchpoint_doc_import WITH (FORCE)" >/dev/null
  fi
  unset Touchpoint__Database__Provider ConnectionStrings__Touchpoint
done

echo
echo "touchpoint documents import, $LINES lines, $RUNS runs, median / max:"
echo "| provider | import (as reported) | import process | re-import, all already imported (as reported) | re-import process | bare: the same rows by INSERT … SELECT |"
echo "|---|---|---|---|---|---|"
for provider in "${providers[@]}"; do echo "${summary[$provider]}"; done
