#!/usr/bin/env bash
# Checks that no secret can enter the Docker build context (scripts/build-context.mjs; --list prints what enters).
# Its .dockerignore matcher comes from scripts/package.json, installed here when missing or older than the lock file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f scripts/node_modules/.package-lock.json ] || [ scripts/package-lock.json -nt scripts/node_modules/.package-lock.json ]; then
  (cd scripts && npm ci --no-audit --no-fund --loglevel=error)
fi
node scripts/build-context.mjs "$@"
