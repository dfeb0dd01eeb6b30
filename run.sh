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
PG_DATA_DIR="${PG_DATA_DIR:-.data/postgres}"

api_pid=""
mail_pid=""
# Ctrl+C (or any exit) stops the API and the mail catcher, then the local PostgreSQL if this script started it.
stop_everything() {
  trap - INT TERM EXIT
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  if [ -n "$mail_pid" ]; then kill "$mail_pid" 2>/dev/null; wait "$mail_pid" 2>/dev/null; fi
  if declare -F stop_local_postgres >/dev/null; then stop_local_postgres; fi
}
trap stop_everything EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

connection_from_env_file() { [ -f .env ] && grep -qE '^ConnectionStrings__OrderTracking=.+' .env; }
mail_server_from_env_file() { [ -f .env ] && grep -qE '^Smtp__Host=.+' .env; }

if [ -z "${ConnectionStrings__OrderTracking:-}" ] && ! connection_from_env_file; then
  # shellcheck source=scripts/local-postgres.sh
  source scripts/local-postgres.sh
  start_local_postgres "$PG_DATA_DIR" "$PG_PORT" order_tracking
  export ConnectionStrings__OrderTracking="$LOCAL_PG_CONNECTION_STRING"
  if [ "$LOCAL_PG_STARTED" = "1" ]; then
    echo "PostgreSQL: local cluster in $PG_DATA_DIR on port $PG_PORT (data kept between runs; Ctrl+C stops it)"
  else
    echo "PostgreSQL: the local cluster in $PG_DATA_DIR was already running on port $PG_PORT; it is left running on exit"
  fi
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

  Press Ctrl+C to stop (the API, the mail catcher, and the local PostgreSQL if this script started it).
MSG
wait $api_pid
