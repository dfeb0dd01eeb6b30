#!/usr/bin/env bash
# Runs every test suite: .NET unit and integration tests (integration tests start a throwaway PostgreSQL
# from the local binaries unless ConnectionStrings__OrderTracking or TEST_POSTGRES names a server), the check
# that the committed OpenAPI document and TypeScript client are current, and the client's Vitest and
# Playwright suites when the client exists, and that docker-compose.yml is valid. Ends with the line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
started=$(date +%s)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
suites="dotnet-Domain,dotnet-Application,dotnet-WebApi"

dotnet tool restore >/dev/null || status=1
if ! dotnet build OrderTracking.sln -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "The solution does not build."; status=1
fi
# --blame-*: a test host that crashes or hangs is named, with the test it was running, instead of vanishing.
dotnet test OrderTracking.sln -c Release --no-build --nologo -v minimal --blame-crash --blame-hang-timeout 20m \
  --logger "trx;LogFilePrefix=dotnet" --logger "console;verbosity=minimal" --results-directory "$results/dotnet" || status=1
# Give each TRX file the name of its project so the summary can tell which suites ran.
for trx in "$results"/dotnet/*.trx; do
  [ -f "$trx" ] || continue
  project=$(grep -o 'OrderTracking\.[A-Za-z]*\.[A-Za-z]*Tests\.dll' "$trx" | head -1 | cut -d. -f2)
  mv "$trx" "$results/dotnet-${project:-unknown}-$(basename "$trx")"
done

scripts/junit-check.sh "$results" generated-api-client-is-current \
  bash -c 'scripts/generate-api.sh >/dev/null && git diff --exit-code -- src/WebApi/openapi.json client/src/lib/api/generated.ts' || status=1

scripts/junit-check.sh "$results" http-benchmark-smoke dotnet run --no-build -c Release --project bench/OrderTracking.Benchmarks -- http --smoke || status=1
scripts/junit-check.sh "$results" compose-file-is-valid \
  bash -c 'command -v docker-compose >/dev/null || { echo "docker-compose is not installed (apt-get install docker-compose)"; exit 1; }; docker-compose --env-file .env.example config -q' || status=1

if [ -f client/package.json ]; then
  suites="$suites,vitest,playwright"
  (cd client && npm ci --no-audit --no-fund --loglevel=error) || status=1
  (cd client && TEST_RESULTS_DIR="$results" npm test --silent) || status=1
  (cd client && TEST_RESULTS_DIR="$results" SCREENSHOT_DIR="${SCREENSHOT_DIR:-$root/artifacts/screenshots}" npm run test:e2e --silent) || status=1
fi

echo
echo "Tests took $(( $(date +%s) - started )) s"
node scripts/summarize-tests.mjs "$results" "$suites"
exit $status
