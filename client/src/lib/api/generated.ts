// The web client uses the published package (packages/api-client, linked from package.json), not a copy of it.
// This module only keeps one import path for the app: `@/lib/api/generated`. Regenerate with scripts/generate-api.sh.
export * from '@order-tracking/api-client';
