#!/usr/bin/env bash
# The fault-injection stage: starts a throwaway PostgreSQL and the WebApi in Development (scripts/test-server.sh,
# as the fuzz stage does), then tests/faults/faults.mjs loads it with retried, idempotent writes while it kills the
# database's connections, restarts it and stops it for a few seconds, and checks that every acknowledged write is
# stored once with a valid history, that nothing answered 500 and that the API recovered by itself. About 90 s.
# Prints the fault table (README "Operations") and writes RESULTS_DIR/faults.xml (one test case per check).
# Usage: scripts/faults.sh [RESULTS_DIR]   (default artifacts/test-results)
# Env: FAULTS_SKIP_BUILD=1 to run the WebApi already built in Release, FAULTS_WORKERS (default 8).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results="${1:-$root/artifacts/test-results}"
mkdir -p "$results"
# shellcheck source=scripts/test-server.sh
source scripts/test-server.sh
test_server_init faults

test_server_start_postgres order_tracking_faults
if [ "${FAULTS_SKIP_BUILD:-}" != "1" ]; then
  dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly
fi
# Eight workers write as one merchant: the per-user limit is not what this stage tests.
test_server_start_api RateLimiting__User__PermitLimit=1000000 RateLimiting__SignIn__PermitLimit=1000
test_server_wait_ready

code=0
FAULTS_BASE_URL="http://127.0.0.1:$api_port" FAULTS_JUNIT="$results/faults.xml" \
  FAULTS_PG_BINDIR="$(find_pg_bindir)" FAULTS_PGDATA="$work/pg/pgdata" FAULTS_PG_PORT="$pg_port" \
  FAULTS_PG_SOCKET="$work/pg/socket" FAULTS_PG_LOG="$work/pg/postgres.log" FAULTS_PG_DATABASE=order_tracking_faults \
  node tests/faults/faults.mjs || code=$?
# The API must have ridden out every fault in the same process.
if ! kill -0 "$api_pid" 2>/dev/null; then
  echo "faults: the WebApi process exited during the run"; code=1
fi
if [ "$code" != 0 ]; then
  grep -E '^(fail|crit):|Exception:|"LogLevel":"(Error|Critical)"' "$work/api.log" | sed -E 's/[0-9a-f-]{36}//g' | cut -c1-300 | sort | uniq -c | sort -rn | head -20 || true
  # The first server error whole, with its stack: what a fix needs.
  grep -m1 -B2 -A40 -E 'InvalidOperationException|NullReferenceException|server-error' "$work/api.log" || true
fi
exit "$code"
