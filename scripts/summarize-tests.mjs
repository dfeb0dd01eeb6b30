// Sums every TRX (dotnet test) and JUnit XML (vitest, playwright, script checks) file in a folder and
// prints the one line CI reads: "N passed, N failed". Exits 1 when a suite that should have run left no file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'artifacts/test-results';
const expected = (process.argv[3] ?? '').split(',').filter(Boolean);
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = [];
const attr = (tag, name) => Number((tag.match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [])[1] ?? 0);

for (const file of readdirSync(dir, { recursive: true })) {
  const path = join(dir, String(file));
  if (path.endsWith('.trx')) {
    const trx = readFileSync(path, 'utf8');
    const counters = trx.match(/<Counters\b[^>]*>/);
    if (!counters) continue;
    passed += attr(counters[0], 'passed');
    failed += attr(counters[0], 'failed') + attr(counters[0], 'error') + attr(counters[0], 'timeout') + attr(counters[0], 'aborted');
    // xUnit reports a failing class fixture cleanup (such as the secrets-in-log check) only as a message.
    failed += new Set(trx.match(/\[Test Class Cleanup Failure \([^)]*\)\]/g) ?? []).size;
    skipped += attr(counters[0], 'notExecuted');
    seen.push(String(file));
  } else if (path.endsWith('.xml')) {
    const xml = readFileSync(path, 'utf8');
    // Count test cases directly: nested <testsuite> totals differ between reporters.
    for (const testcase of xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? []) {
      if (/<(failure|error)\b/.test(testcase)) failed++;
      else if (/<skipped\b/.test(testcase)) skipped++;
      else passed++;
    }
    seen.push(String(file));
  }
}

for (const name of expected) {
  if (!seen.some((file) => file.includes(name))) {
    console.log(`Suite '${name}' left no results in ${dir}; counting it as failed.`);
    failed++;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
