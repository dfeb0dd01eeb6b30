#!/usr/bin/env bash
# The schema-driven fuzz stage: starts a throwaway PostgreSQL and the WebApi in Development (it migrates and
# seeds the demo accounts), runs tests/fuzz against it (every operation of src/WebApi/openapi.json, every role),
# writes a JUnit file (one test case per operation) and stops everything.
# Usage: scripts/fuzz.sh [RESULTS_DIR]   (default artifacts/test-results)
# Env: FUZZ_SECONDS (total budget, default 100), FUZZ_SEED (fixed by default; printed), FUZZ_SKIP_BUILD=1 to run the
# WebApi already built in Release, FUZZ_OPERATIONS (comma-separated operationIds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results="${1:-$root/artifacts/test-results}"
# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh

free_port() { node "$root/scripts/free-port.mjs"; }

port=$(free_port)
pg_port=$(free_port)
while [ "$pg_port" = "$port" ]; do pg_port=$(free_port); done
work=$(mktemp -d -t ot-fuzz-XXXXXX)
[ "$(id -u)" = "0" ] && chown postgres: "$work"
api_pid=""

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  trap - EXIT INT TERM
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  if bindir=$(find_pg_bindir) && [ -f "$work/pg/pgdata/PG_VERSION" ]; then
    as_pg_user "$bindir/pg_ctl" -D "$work/pg/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# Install only when the lock file is newer than the installed tree (npm ci always starts from scratch).
if [ ! -f tests/fuzz/node_modules/.package-lock.json ] || [ tests/fuzz/package-lock.json -nt tests/fuzz/node_modules/.package-lock.json ]; then
  (cd tests/fuzz && npm ci --no-audit --no-fund --loglevel=error)
fi
start_local_postgres "$work/pg" "$pg_port" order_tracking_fuzz
if [ "${FUZZ_SKIP_BUILD:-}" != "1" ]; then
  dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly
fi

# The fuzzer sends thousands of requests a minute from one address: the rate limits are not what it tests.
ASPNETCORE_ENVIRONMENT=Development ORDERTRACKING_SKIP_DOTENV=1 Logging__LogLevel__Default=Warning \
  RateLimiting__SignIn__PermitLimit=1000000 RateLimiting__Tracking__PermitLimit=1000000 \
  RateLimiting__Partner__PermitLimit=1000000 RateLimiting__User__PermitLimit=1000000 \
  ConnectionStrings__OrderTracking="$LOCAL_PG_CONNECTION_STRING" \
  dotnet run --project src/WebApi -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
api_pid=$!

ready=""
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { ready=1; break; }
  kill -0 "$api_pid" 2>/dev/null || { echo "fuzz: the WebApi exited on start:"; tail -n 40 "$work/api.log"; exit 1; }
  sleep 1
done
[ -n "$ready" ] || { echo "fuzz: the WebApi was not ready after 300 s:"; tail -n 40 "$work/api.log"; exit 1; }

code=0
FUZZ_BASE_URL="http://127.0.0.1:$port" FUZZ_JUNIT="$results/fuzz.xml" node tests/fuzz/fuzz.mjs || code=$?
if [ "$code" != 0 ]; then
  # Server errors leave their exception in the log: show the kinds, not the whole log.
  grep -E '^(fail|crit):|Exception:' "$work/api.log" | sed -E 's/[0-9a-f-]{36}//g' | sort | uniq -c | sort -rn | head -20 || true
fi
exit "$code"
