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
# shellcheck source=scripts/test-server.sh
source scripts/test-server.sh
test_server_init fuzz

# Install only when the lock file is newer than the installed tree (npm ci always starts from scratch).
if [ ! -f tests/fuzz/node_modules/.package-lock.json ] || [ tests/fuzz/package-lock.json -nt tests/fuzz/node_modules/.package-lock.json ]; then
  (cd tests/fuzz && npm ci --no-audit --no-fund --loglevel=error)
fi
test_server_start_postgres order_tracking_fuzz
if [ "${FUZZ_SKIP_BUILD:-}" != "1" ]; then
  dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly
fi

# The fuzzer sends thousands of requests a minute from one address: the rate limits are not what it tests.
test_server_start_api \
  RateLimiting__SignIn__PermitLimit=1000000 RateLimiting__Tracking__PermitLimit=1000000 \
  RateLimiting__Partner__PermitLimit=1000000 RateLimiting__User__PermitLimit=1000000
test_server_wait_ready

code=0
FUZZ_BASE_URL="http://127.0.0.1:$api_port" FUZZ_JUNIT="$results/fuzz.xml" node tests/fuzz/fuzz.mjs || code=$?
if [ "$code" != 0 ]; then
  # Server errors leave their exception in the log: show the kinds, not the whole log.
  grep -E '^(fail|crit):|Exception:' "$work/api.log" | sed -E 's/[0-9a-f-]{36}//g' | sort | uniq -c | sort -rn | head -20 || true
fi
exit "$code"
