#!/usr/bin/env bash
# Starts (creating it on first use) a project-local PostgreSQL cluster whose data survives restarts.
# Usage: source scripts/local-postgres.sh; start_local_postgres DATA_DIR PORT DATABASE
# Sets LOCAL_PG_CONNECTION_STRING, and LOCAL_PG_STARTED=1 when this call started the server (it was not running);
# stop_local_postgres then stops it again, and leaves alone a server someone else started.
# Needs the PostgreSQL server binaries (initdb, pg_ctl, psql).

find_pg_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  local dir
  while IFS= read -r dir; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin /usr/local/opt/postgresql*/bin /opt/homebrew/opt/postgresql*/bin | sort -V -r)
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

# Runs a PostgreSQL binary as the 'postgres' user when we are root (the server refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_local_postgres() {
  local data_dir="$1" port="$2" database="$3" bindir
  if ! bindir=$(find_pg_bindir); then
    cat >&2 <<'MSG'
PostgreSQL was not found, and no connection string is configured.
Either install PostgreSQL (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@15),
or point the app at an existing server by putting this line in a .env file at the repository root:
  ConnectionStrings__OrderTracking=Host=localhost;Port=5432;Database=order_tracking;Username=...;Password=...
or run everything with Docker: docker compose up
MSG
    return 1
  fi
  mkdir -p "$data_dir"
  data_dir=$(cd "$data_dir" && pwd)
  local socket_dir="$data_dir/socket" log_file="$data_dir/postgres.log" pgdata="$data_dir/pgdata"
  mkdir -p "$socket_dir"
  [ "$(id -u)" = "0" ] && chown -R postgres: "$data_dir"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    echo "Creating a local PostgreSQL cluster in $pgdata ..."
    as_pg_user "$bindir/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
  fi
  LOCAL_PG_STARTED=0
  LOCAL_PG_CTL="$bindir/pg_ctl"
  LOCAL_PG_DATA="$pgdata"
  if ! as_pg_user "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    as_pg_user "$bindir/pg_ctl" -D "$pgdata" -l "$log_file" -w \
      -o "-p $port -k $socket_dir -c listen_addresses=127.0.0.1" start >/dev/null
    LOCAL_PG_STARTED=1
  fi
  if ! as_pg_user "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$database'" | grep -q 1; then
    as_pg_user "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE \"$database\"" >/dev/null
  fi
  LOCAL_PG_CONNECTION_STRING="Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
  export LOCAL_PG_CONNECTION_STRING
}

# Stops the server start_local_postgres started (a fast shutdown: open sessions are ended, data is kept).
stop_local_postgres() {
  if [ "${LOCAL_PG_STARTED:-0}" = "1" ]; then
    as_pg_user "$LOCAL_PG_CTL" -D "$LOCAL_PG_DATA" -m fast -w stop >/dev/null && echo "PostgreSQL: local cluster stopped"
    LOCAL_PG_STARTED=0
  fi
}
