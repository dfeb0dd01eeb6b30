#!/usr/bin/env bash
# The TypeScript client as integrators get it: packs packages/api-client (`npm pack`, which builds it with tsc),
# installs the tarball into a throwaway consumer project in a temp dir, type-checks
# packages/api-client/consumer-check/consumer.ts against the installed .d.ts, and runs it (sign in, create an order,
# read its public tracking view) against the WebApi that scripts/e2e-server.sh starts on a throwaway PostgreSQL.
# Needs the WebApi built in Release (test.sh builds it first). Everything is removed on exit.
# Env: API_CLIENT_READY_SECONDS (600): how long to wait for the WebApi to start.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"; }

work=$(mktemp -d -t ot-api-client-XXXXXX)
server_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

echo "api-client: packing"
(cd packages/api-client && npm ci --no-audit --no-fund --loglevel=error && npm pack --silent --pack-destination "$work" >/dev/null)
tarball=$(find "$work" -maxdepth 1 -name 'order-tracking-api-client-*.tgz' | head -1)
[ -n "$tarball" ] || { echo "api-client: npm pack wrote no tarball" >&2; exit 1; }

echo "api-client: installing $(basename "$tarball") into a consumer project"
mkdir "$work/consumer"
cp packages/api-client/consumer-check/consumer.ts packages/api-client/consumer-check/tsconfig.json "$work/consumer/"
printf '{ "name": "api-client-consumer", "private": true, "type": "module" }\n' >"$work/consumer/package.json"
(cd "$work/consumer" && npm install --no-audit --no-fund --loglevel=error "$tarball")
"$root/packages/api-client/node_modules/.bin/tsc" -p "$work/consumer/tsconfig.json"

port=$(free_port)
E2E_PORT=$port E2E_SKIP_CLIENT_BUILD=1 scripts/e2e-server.sh >"$work/server.log" 2>&1 &
server_pid=$!
api="http://127.0.0.1:$port"
echo "api-client: waiting for the WebApi on $api"
if ! node -e "
  const deadline = Date.now() + ${API_CLIENT_READY_SECONDS:-600} * 1000;
  (async () => {
    while (Date.now() < deadline) {
      try { if ((await fetch('$api/health/ready')).ok) process.exit(0); } catch {}
      await new Promise((r) => setTimeout(r, 1000));
    }
    process.exit(1);
  })();"; then
  echo "api-client: the WebApi did not become ready" >&2
  tail -n 30 "$work/server.log" >&2
  exit 1
fi

(cd "$work/consumer" && API_URL="$api" node out/consumer.js)
