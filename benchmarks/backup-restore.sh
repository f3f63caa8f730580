#!/usr/bin/env bash
# `touchpoint db backup` and `touchpoint db restore` of a SQLite database with 1,000,000 interaction log entries: the
# time of each (the whole command, launch to exit), the backup's size, and whether everything came back: the entries
# (count, highest entry no., sum of cost, canceled ones), the contacts, and the key file byte for byte.
#
#   benchmarks/backup-restore.sh                          # 100,000 contacts, 1,000,000 entries
#   REUSE=1 benchmarks/backup-restore.sh                  # keep the database made by an earlier run
#   CONTACTS=1000000 ENTRIES=10000000 benchmarks/backup-restore.sh
#
# The source database is made with the CLI (`touchpoint db migrate`, `demo seed`, `demo generate --contacts $CONTACTS
# --entries $ENTRIES --canceled 3`) in WORK (default /tmp/touchpoint-bench-backup), with a random 64-byte key file as
# Touchpoint:DataProtection:KeyFile. The backup and the restored copy go there too (three times the database's size).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
WORK=${WORK:-/tmp/touchpoint-bench-backup}
CONTACTS=${CONTACTS:-100000}
ENTRIES=${ENTRIES:-1000000}
RUNS=${RUNS:-1}

echo "Building src/Touchpoint.Cli (Release)…"
if ! build_log=$(dotnet build src/Touchpoint.Cli -c Release -nologo 2>&1); then
  echo "$build_log" | grep -E "error" | sort -u >&2
  exit 1
fi
cli() { dotnet "$root/src/Touchpoint.Cli/bin/Release/net10.0/touchpoint.dll" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

source_db=$WORK/source/touchpoint.db
source_key=$WORK/source/touchpoint.key
mkdir -p "$WORK/source"
if [[ "${REUSE:-0}" == 1 && -f "$source_db" ]]; then
  echo "Reusing $source_db"
else
  rm -f "$source_db" "$source_db-wal" "$source_db-shm"
  (
    export Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$source_db"
    cli db migrate
    cli demo seed
    cli demo generate --contacts "$CONTACTS" --entries "$ENTRIES" --canceled 3 --seed 5050
  )
fi
[[ -f "$source_key" ]] || { head -c 64 /dev/urandom > "$source_key"; chmod 600 "$source_key"; }

facts() {
  sqlite3 "$1" "SELECT COUNT(*), MAX(EntryNo), SUM(CAST(CostLcy AS REAL)), SUM(Canceled) FROM InteractionLogEntries;
                SELECT COUNT(*) FROM Contacts; SELECT COUNT(*) FROM AttachmentContents;" | tr '\n' ' '
}
echo "source: $(du -h "$source_db" | cut -f1), entries/max/cost/canceled, contacts, attachments: $(facts "$source_db")"

for run in $(seq 1 "$RUNS"); do
  backup=$WORK/backup.zip
  restored=$WORK/restored
  rm -rf "$backup" "$restored" && mkdir -p "$restored"
  sync
  start=$(now_ms)
  Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$source_db" \
    Touchpoint__DataProtection__KeyFile="$source_key" cli db backup "$backup" | tail -n 1
  backup_ms=$(( $(now_ms) - start ))
  sync
  start=$(now_ms)
  Touchpoint__Database__Provider=sqlite ConnectionStrings__Touchpoint="Data Source=$restored/touchpoint.db" \
    Touchpoint__DataProtection__KeyFile="$restored/touchpoint.key" cli db restore "$backup" | tail -n 1
  restore_ms=$(( $(now_ms) - start ))
  same_data=no; [[ "$(facts "$source_db")" == "$(facts "$restored/touchpoint.db")" ]] && same_data=yes
  same_key=no; cmp -s "$source_key" "$restored/touchpoint.key" && same_key=yes
  integrity=$(sqlite3 "$restored/touchpoint.db" "PRAGMA quick_check;")
  echo "run $run: backup $backup_ms ms ($(du -h "$backup" | cut -f1)), restore $restore_ms ms; every entry back: $same_data; key file back: $same_key ($(stat -c %a "$restored/touchpoint.key")); quick_check: $integrity"
done
