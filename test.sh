#!/usr/bin/env bash
# Runs every Touchpoint test: unit, integration (SQLite and PostgreSQL) and browser (Chromium) tests.
# Installs PostgreSQL, Chromium and LibreOffice when they are missing (as root, with apt-get), starts a throw-away PostgreSQL
# cluster for the run and stops it afterwards. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
need_packages=()
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# LibreOffice turns hard-copy letters into PDF (the tests convert real letters); with the fonts the letters' text needs.
command -v soffice >/dev/null || need_packages+=(libreoffice-writer-nogui fonts-dejavu-core fonts-liberation)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${need_packages[*]} ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null \
      || { echo "apt-get could not install ${need_packages[*]}"; exit 1; }
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  else
    echo "Missing: ${need_packages[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${need_packages[*]}) and run again."
    exit 1
  fi
fi

# A private PostgreSQL cluster on port 55432 that touches no system configuration; stopped on exit.
PG_DIR=$(mktemp -d /tmp/touchpoint-pg.XXXXXX)
chmod 755 "$PG_DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
stop_pg() { as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate -w stop" >/dev/null 2>&1; rm -rf "$PG_DIR"; }
if [ -z "${TOUCHPOINT_TEST_PG:-}" ]; then
  mkdir -p "$PG_DIR/data" "$PG_DIR/sock"
  echo postgres > "$PG_DIR/pwfile"; chmod 644 "$PG_DIR/pwfile"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR/data" "$PG_DIR/sock"
  as_pg "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=$PG_DIR/pwfile -E UTF8 --locale=C.UTF-8" >/dev/null \
    || { echo "initdb failed"; exit 1; }
  as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/sock/pg.log -o '-p 55432 -k $PG_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -w start" >/dev/null \
    || { echo "PostgreSQL did not start:"; cat "$PG_DIR/sock/pg.log"; exit 1; }
  trap stop_pg EXIT
  export TOUCHPOINT_TEST_PG="Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Timeout=15"
fi
export TOUCHPOINT_CHROMIUM=${TOUCHPOINT_CHROMIUM:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building ..."
if ! dotnet build Touchpoint.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0; skipped=0; status=0
for project in tests/Touchpoint.Core.Tests tests/Touchpoint.IntegrationTests tests/Touchpoint.BrowserTests; do
  echo "== $project"
  log=$(mktemp)
  # Each failed test is shown with its message and the first lines of its stack trace; then the project's totals.
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log" \
    | awk '/^ *(Failed|Skipped) /{n=16} /^(Passed|Failed)!|Total tests/{print; next} n>0{print; n--}' || true
  rc=${PIPESTATUS[0]}
  line=$(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+" "$log" | tail -n 1)
  if [ -n "$line" ]; then
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  else
    echo "No test summary from $project (exit code $rc)"; failed=$((failed + 1))
  fi
  [ "$rc" -ne 0 ] && status=1
  rm -f "$log"
done
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
