#!/usr/bin/env bash
# Serves the whole product for the browser tests: a throwaway PostgreSQL cluster in a temp dir, the WebApi in
# Development (it migrates and seeds the demo accounts on start) serving the freshly built client/dist, on
# http://127.0.0.1:$E2E_PORT, sending its e-mails to a mail catcher (maildev, from the client's dev dependencies) whose
# inbox is on http://127.0.0.1:$E2E_MAIL_WEB_PORT. Everything is stopped and removed on exit. Playwright starts it
# (client/playwright.config.ts). Env: E2E_PORT, E2E_MAIL_SMTP_PORT, E2E_MAIL_WEB_PORT (default: free ports),
# E2E_SKIP_CLIENT_BUILD=1 to serve the client/dist already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh

free_port() { node "$root/scripts/free-port.mjs"; }

port="${E2E_PORT:-$(free_port)}"
pg_port=$(free_port)
# The API's port was chosen by Playwright and is free until the API binds it: never give it to PostgreSQL.
while [ "$pg_port" = "$port" ]; do pg_port=$(free_port); done
work=$(mktemp -d -t ot-e2e-XXXXXX)
# The server runs as postgres when we are root: it must be able to reach its data folder.
[ "$(id -u)" = "0" ] && chown postgres: "$work"
api_pid=""
mail_pid=""
stage="starting"

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [ "$code" != 0 ]; then
    echo "e2e: stopped while $stage (exit $code)" >&2
    if [ "$stage" = "starting PostgreSQL" ] && [ -f "$work/pg/postgres.log" ]; then tail -n 20 "$work/pg/postgres.log" >&2; fi
  fi
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [ -n "$mail_pid" ] && kill "$mail_pid" 2>/dev/null && wait "$mail_pid" 2>/dev/null
  if bindir=$(find_pg_bindir) && [ -f "$work/pg/pgdata/PG_VERSION" ]; then
    as_pg_user "$bindir/pg_ctl" -D "$work/pg/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "e2e: got SIGTERM/SIGINT" >&2; exit 143' INT TERM

if [ "${E2E_SKIP_CLIENT_BUILD:-}" != "1" ]; then
  stage="building the client"; echo "e2e: $stage ..."
  (cd client && npm run build --silent >/dev/null)
fi

stage="starting PostgreSQL"; echo "e2e: PostgreSQL on port $pg_port in $work"
start_local_postgres "$work/pg" "$pg_port" order_tracking_e2e

mail_smtp_port="${E2E_MAIL_SMTP_PORT:-$(free_port)}"
mail_web_port="${E2E_MAIL_WEB_PORT:-$(free_port)}"
stage="starting the mail catcher"; echo "e2e: maildev, SMTP on $mail_smtp_port, inbox on http://127.0.0.1:$mail_web_port"
client/node_modules/.bin/maildev --smtp "$mail_smtp_port" --ip 127.0.0.1 --web "$mail_web_port" --web-ip 127.0.0.1 >"$work/maildev.log" 2>&1 &
mail_pid=$!

stage="building the WebApi"; echo "e2e: $stage ..."
dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly

# The scenarios sign in a dozen times a minute from one address; the sign-in limit is not what they test.
# A key of this run only: nothing signed here is valid anywhere else, and no key file is left behind.
ASPNETCORE_ENVIRONMENT=Development ORDERTRACKING_SKIP_DOTENV=1 Webhooks__AllowLoopback=true \
  Jwt__SigningKey="$(node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64'))")" \
  RateLimiting__SignIn__PermitLimit=1000 Logging__LogLevel__Default=Warning \
  Smtp__Host=127.0.0.1 Smtp__Port="$mail_smtp_port" Smtp__TlsMode=None Notifications__PublicBaseUrl="http://127.0.0.1:$port" \
  Notifications__CoalesceSeconds=1 \
  ConnectionStrings__OrderTracking="$LOCAL_PG_CONNECTION_STRING" \
  ClientApp__Path="$root/client/dist" \
  dotnet run --project src/WebApi -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port" &
api_pid=$!
stage="running the WebApi"
echo "e2e: WebApi starting on http://127.0.0.1:$port"
wait "$api_pid"
