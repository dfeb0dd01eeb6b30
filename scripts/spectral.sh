#!/usr/bin/env bash
# Lints the committed OpenAPI document with Spectral (the OpenAPI rules and the OWASP API Security ruleset, as
# configured in .spectral.yaml) and fails on any error or warning. Installs tests/fuzz's pinned packages if needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f tests/fuzz/node_modules/.package-lock.json ] || [ tests/fuzz/package-lock.json -nt tests/fuzz/node_modules/.package-lock.json ]; then
  (cd tests/fuzz && npm ci --no-audit --no-fund --loglevel=error)
fi
tests/fuzz/node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity warn src/WebApi/openapi.json
