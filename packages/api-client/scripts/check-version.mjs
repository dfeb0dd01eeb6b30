// The package's major version is the API's: `info.version` of the OpenAPI document it is generated from ("v1" → 1.x.y).
// A breaking API version needs a new major of the client; this stops a build that forgot it.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const document = JSON.parse(readFileSync(new URL('../../../src/WebApi/openapi.json', import.meta.url), 'utf8'));
const apiMajor = Number(/^v?(\d+)/.exec(document.info.version)?.[1]);
const packageMajor = Number(pkg.version.split('.')[0]);
if (!Number.isInteger(apiMajor) || apiMajor !== packageMajor) {
  console.error(`${pkg.name} ${pkg.version} does not match API version ${document.info.version}: make the major version ${apiMajor}.`);
  process.exit(1);
}
