#!/usr/bin/env bash
# Starts the whole product on http://localhost:${PORT:-5080}: restores and builds, starts a project-local
# PostgreSQL in .data/ (unless ConnectionStrings__OrderTracking is set in the environment or .env),
# builds the React client when present, migrates, seeds the demo data and serves API + client.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-5080}"
PG_PORT="${PG_PORT:-55432}"

connection_from_env_file() { [ -f .env ] && grep -qE '^ConnectionStrings__OrderTracking=.+' .env; }

if [ -z "${ConnectionStrings__OrderTracking:-}" ] && ! connection_from_env_file; then
  # shellcheck source=scripts/local-postgres.sh
  source scripts/local-postgres.sh
  start_local_postgres .data/postgres "$PG_PORT" order_tracking
  export ConnectionStrings__OrderTracking="$LOCAL_PG_CONNECTION_STRING"
  echo "PostgreSQL: local cluster in .data/postgres on port $PG_PORT (data kept between runs)"
fi

if [ -f client/package.json ]; then
  echo "Building the React client ..."
  (cd client && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
fi

echo "Building the API ..."
dotnet tool restore >/dev/null
dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dotnet run --project src/WebApi -c Release --no-build --no-launch-profile --urls "http://localhost:$PORT" &
api_pid=$!
trap 'kill $api_pid 2>/dev/null; wait $api_pid 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
  if ORDERTRACKING_SKIP_DOTENV=1 dotnet src/WebApi/bin/Release/net10.0/OrderTracking.WebApi.dll healthcheck "http://localhost:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $api_pid 2>/dev/null; then echo "The API stopped during startup; see the messages above." >&2; exit 1; fi
  sleep 1
done

cat <<MSG

  Order Tracking is running.
    App:      http://localhost:$PORT
    Swagger:  http://localhost:$PORT/swagger
    Health:   http://localhost:$PORT/health/ready

  Demo accounts (Development only):
    admin@example.com      Admin123!      Admin
    merchant@example.com   Merchant123!   Merchant
    merchant2@example.com  Merchant123!   Merchant
    courier@example.com    Courier123!    Delivery
    courier2@example.com   Courier123!    Delivery

  Press Ctrl+C to stop.
MSG
wait $api_pid
