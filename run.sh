#!/usr/bin/env bash
# Starts the whole product on http://localhost:${PORT:-5080}: restores and builds, starts a project-local
# PostgreSQL in .data/ (unless ConnectionStrings__OrderTracking is set in the environment or .env),
# builds the React client when present, migrates, seeds the demo data and serves API + client. Unless Smtp__Host
# is set (environment or .env), it also starts a mail catcher (maildev, from the client's dev dependencies) whose web
# inbox shows every e-mail the app sends; stopping run.sh stops it.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-5080}"
PG_PORT="${PG_PORT:-55432}"
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
api_pid=""
mail_pid=""
stop_all() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [ -n "$mail_pid" ] && kill "$mail_pid" 2>/dev/null && wait "$mail_pid" 2>/dev/null
  return 0
}
trap stop_all INT TERM EXIT

connection_from_env_file() { [ -f .env ] && grep -qE '^ConnectionStrings__OrderTracking=.+' .env; }
mail_server_from_env_file() { [ -f .env ] && grep -qE '^Smtp__Host=.+' .env; }

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

mail_inbox=""
if [ -z "${Smtp__Host:-}" ] && ! mail_server_from_env_file && [ -x client/node_modules/.bin/maildev ]; then
  mkdir -p .data
  client/node_modules/.bin/maildev --smtp "$MAIL_SMTP_PORT" --ip 127.0.0.1 --web "$MAIL_WEB_PORT" --web-ip 127.0.0.1 >.data/maildev.log 2>&1 &
  mail_pid=$!
  export Smtp__Host=127.0.0.1 Smtp__Port="$MAIL_SMTP_PORT" Smtp__TlsMode=None
  mail_inbox="http://localhost:$MAIL_WEB_PORT"
  echo "Mail catcher: maildev, SMTP on port $MAIL_SMTP_PORT, inbox on $mail_inbox (log in .data/maildev.log)"
fi
export Notifications__PublicBaseUrl="${Notifications__PublicBaseUrl:-http://localhost:$PORT}"

echo "Building the API ..."
dotnet tool restore >/dev/null
dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dotnet run --project src/WebApi -c Release --no-build --no-launch-profile --urls "http://localhost:$PORT" &
api_pid=$!

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
    Mail:     ${mail_inbox:-customer e-mails go to ${Smtp__Host:-the Smtp__Host of .env}}

  Demo accounts (Development only):
    admin@example.com      Admin123!      Admin
    merchant@example.com   Merchant123!   Merchant
    merchant2@example.com  Merchant123!   Merchant
    courier@example.com    Courier123!    Delivery
    courier2@example.com   Courier123!    Delivery

  The demo merchants e-mail their customers: move a demo order and the e-mail appears in the Mail inbox.

  Press Ctrl+C to stop.
MSG
wait $api_pid
