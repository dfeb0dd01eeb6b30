#!/usr/bin/env bash
# Regenerates the committed OpenAPI document (src/WebApi/openapi.json) from the WebApi and the TypeScript
# client (packages/api-client/src/generated.ts, the @order-tracking/api-client package the web client uses) from
# that document with NSwag. CI runs it and fails on any diff.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet build src/WebApi -c Release --nologo -v quiet -clp:ErrorsOnly
ASPNETCORE_ENVIRONMENT=Development ORDERTRACKING_SKIP_DOTENV=1 \
  dotnet run --project src/WebApi -c Release --no-build --no-launch-profile -- openapi "$root/src/WebApi/openapi.json"
dotnet tool run nswag run packages/api-client/nswag.json >/dev/null
echo "Generated client written to packages/api-client/src/generated.ts"
