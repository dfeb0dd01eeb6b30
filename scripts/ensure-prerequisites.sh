#!/usr/bin/env bash
# Makes sure this machine has what ./test.sh needs. What Debian's apt has (PostgreSQL server, Chromium,
# redis-server, docker-compose, shellcheck, wrk, git) it installs when missing, if it can: as root or with sudo
# that asks no password. Otherwise, and for what apt cannot give (the .NET SDK, Node), it prints one line per
# missing piece saying how to get it and exits 1.
# To add a tool: one `|| missing` line in check_all.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

has_postgres_server() {
  # shellcheck source=scripts/local-postgres.sh
  source scripts/local-postgres.sh && find_pg_bindir >/dev/null
}
has_chromium() { [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; }
has_command() { command -v "$1" >/dev/null 2>&1; }

sdk_major=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' global.json)
node_minimum=$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' client/package.json 2>/dev/null)
has_dotnet_sdk() { dotnet --list-sdks 2>/dev/null | grep -q "^${sdk_major}\."; }
has_node() {
  has_command node && has_command npm &&
    node -e 'const [have, want] = process.argv.slice(1).map((v) => v.split(".").map(Number));
      process.exit(have[0] > want[0] || (have[0] === want[0] && have[1] >= (want[1] ?? 0)) ? 0 : 1)' \
      "$(node -p process.versions.node)" "${node_minimum:-20}"
}

# missing APT_PACKAGE HOW_TO_GET_IT: records a missing piece (APT_PACKAGE empty: apt cannot supply it).
missing() {
  [ -n "$1" ] && apt_packages+=("$1")
  manual+=("missing: $2")
}

check_all() {
  apt_packages=()
  manual=()
  has_dotnet_sdk || missing "" "the .NET ${sdk_major} SDK (https://dot.net/download; global.json asks for ${sdk_major}.0.100 or a later feature band)"
  has_node || missing "" "Node ${node_minimum:-20} or later, with npm (https://nodejs.org, or your package manager's nodejs and npm)"
  has_postgres_server || missing postgresql "the PostgreSQL server binaries initdb and pg_ctl (sudo apt-get install postgresql; macOS: brew install postgresql@15)"
  has_chromium || missing chromium "Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} for the browser tests (sudo apt-get install chromium, or set CHROMIUM_PATH)"
  has_command redis-server || missing redis-server "redis-server for the scale-out tests (sudo apt-get install redis-server)"
  has_command docker-compose || missing docker-compose "docker-compose for the compose-file check (sudo apt-get install docker-compose)"
  has_command shellcheck || missing shellcheck "shellcheck for the shell-script checks (sudo apt-get install shellcheck)"
  has_command wrk || missing wrk "wrk, the HTTP load generator (sudo apt-get install wrk)"
  has_command git || missing git "git for the generated-code check (sudo apt-get install git)"
}

check_all
[ ${#manual[@]} -eq 0 ] && exit 0

# Only what apt can supply is worth trying to install; a missing SDK or Node stops us anyway.
if [ ${#apt_packages[@]} -eq ${#manual[@]} ] && has_command apt-get; then
  as_root=()
  can_install=no
  if [ "$(id -u)" = 0 ]; then
    can_install=yes
  elif has_command sudo && sudo -n true 2>/dev/null; then
    can_install=yes
    as_root=(sudo -n)
  fi
  if [ "$can_install" = yes ]; then
    echo "Installing with apt-get: ${apt_packages[*]}"
    apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq)
    if "${apt[@]}" update >/dev/null && "${apt[@]}" install -y --no-install-recommends "${apt_packages[@]}" >/dev/null; then
      # Debian starts a cluster when it installs PostgreSQL; the tests start their own, so stop that one.
      if [[ " ${apt_packages[*]} " == *" postgresql "* ]] && has_command pg_ctlcluster; then
        "${as_root[@]}" service postgresql stop >/dev/null 2>&1 || true
      fi
    else
      echo "apt-get could not install: ${apt_packages[*]}"
    fi
    check_all
    [ ${#manual[@]} -eq 0 ] && exit 0
  fi
fi

echo "The test command cannot run on this machine yet:"
printf '  %s\n' "${manual[@]}"
if [ ${#apt_packages[@]} -gt 0 ] && [ "${can_install:-no}" = no ]; then
  echo "Run it as root, or with sudo that needs no password, and it installs the apt packages itself."
fi
exit 1
