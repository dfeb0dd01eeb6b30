# shellcheck shell=bash
# Shared by the stages that run the built product against a throwaway PostgreSQL (scripts/fuzz.sh,
# scripts/faults.sh): free ports, a temp work folder removed on exit, the cluster, the WebApi in Development (it
# migrates and seeds the demo accounts) and the wait for /health/ready.
# Usage: source scripts/test-server.sh; test_server_init NAME; test_server_start_postgres DATABASE;
#        test_server_start_api [VAR=VALUE...]; test_server_wait_ready
# Sets: api_port, pg_port, work (the temp folder), api_pid, and LOCAL_PG_* from local-postgres.sh.

# shellcheck source=scripts/local-postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-postgres.sh"

free_port() { node "$(dirname "${BASH_SOURCE[0]}")/free-port.mjs"; }

test_server_name=""

# test_server_init NAME: ports, the work folder, and the EXIT trap that stops and removes everything.
test_server_init() {
  test_server_name="$1"
  api_port=$(free_port)
  pg_port=$(free_port)
  while [ "$pg_port" = "$api_port" ]; do pg_port=$(free_port); done
  work=$(mktemp -d -t "ot-$1-XXXXXX")
  # The server runs as postgres when we are root: it must be able to reach its data folder.
  if [ "$(id -u)" = "0" ]; then chown postgres: "$work"; fi
  api_pid=""
  trap test_server_cleanup EXIT
  trap 'exit 143' INT TERM
}

# shellcheck disable=SC2317 # called by the EXIT trap
test_server_cleanup() {
  trap - EXIT INT TERM
  if [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; then wait "$api_pid" 2>/dev/null; fi
  local bindir
  if bindir=$(find_pg_bindir) && [ -f "$work/pg/pgdata/PG_VERSION" ]; then
    as_pg_user "$bindir/pg_ctl" -D "$work/pg/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}

# test_server_start_postgres DATABASE: the throwaway cluster in $work/pg on $pg_port.
test_server_start_postgres() {
  start_local_postgres "$work/pg" "$pg_port" "$1"
}

# test_server_start_api [VAR=VALUE...]: the WebApi built in Release, in Development, on $api_port, logging to
# $work/api.log; the arguments are extra environment variables (rate limits, log levels).
test_server_start_api() {
  env ASPNETCORE_ENVIRONMENT=Development ORDERTRACKING_SKIP_DOTENV=1 Logging__LogLevel__Default=Warning \
    ConnectionStrings__OrderTracking="$LOCAL_PG_CONNECTION_STRING" "$@" \
    dotnet run --project src/WebApi -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1 &
  api_pid=$!
}

# test_server_wait_ready: until /health/ready answers 200 (at most 300 s); exits 1 with the log's tail otherwise.
test_server_wait_ready() {
  local _
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$api_pid" 2>/dev/null || { echo "$test_server_name: the WebApi exited on start:"; tail -n 40 "$work/api.log"; exit 1; }
    sleep 1
  done
  echo "$test_server_name: the WebApi was not ready after 300 s:"; tail -n 40 "$work/api.log"; exit 1
}
