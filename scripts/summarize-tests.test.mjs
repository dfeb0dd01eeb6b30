// The summarizer's own tests (node --test), on small TRX and JUnit files in summarize-tests.fixtures/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { report, summarize } from './summarize-tests.mjs';

const fixtures = fileURLToPath(new URL('./summarize-tests.fixtures', import.meta.url));
const expected = ['dotnet-WebApi', 'playwright', 'vitest'];

test('every failure counts in the totals, and flaky passes and captured output do not', () => {
    const total = summarize(fixtures, expected);

    // TRX: 2 passed, a failed test (echoed by xUnit as a run error too), a class cleanup failure (reported twice), a crashed host, 1 not run.
    // Playwright: a pass, a pass on retry, a failure after <properties>, a skip. Checks: one ok, one failed. Vitest: no file.
    assert.deepEqual({ passed: total.passed, failed: total.failed, skipped: total.skipped }, { passed: 5, failed: 6, skipped: 2 });
});

test('the closing lines name every failing test, the first three with why, and every suite without results, then the totals', () => {
    const lines = report(summarize(fixtures, expected), 'results');

    assert.deepEqual(lines, [
        'FAILED check: checks › shellcheck: test.sh',
        // The last 12 lines of the check's 13: its first line is left out.
        ...Array.from({ length: 10 }, (_, i) => `    line ${i + 2} of the output`),
        '    SC2164 (warning): Use cd ... || exit.',
        '    In test.sh line 8: cd "$root"',
        'FAILED dotnet-WebApi: OrderTracking.WebApi.IntegrationTests.ScaleOutTests.Export_survives_SIGTERM',
        '    Assert.True() Failure',
        '    Expected: True',
        'FAILED dotnet-WebApi: Test Class Cleanup Failure (OrderTracking.WebApi.IntegrationTests.LoggingTests)',
        'FAILED dotnet-WebApi: The active test run was aborted. Reason: Test host process crashed',
        'FAILED playwright: order-lifecycle.spec.ts › courier › marks the order delivered',
        "NO RESULTS from suite 'vitest' in results (counted as 1 failed)",
        '5 passed, 6 failed, 2 skipped',
    ]);
});

test("a check's reason is the end of its output, a test's the start of its message", () => {
    const { failures } = summarize(fixtures, expected);
    const reason = (name) => failures.find((failure) => failure.name.endsWith(name)).detail;

    assert.equal(reason('shellcheck: test.sh').at(-1), '    In test.sh line 8: cd "$root"'.trim());
    assert.deepEqual(reason('Export_survives_SIGTERM'), ['Assert.True() Failure', 'Expected: True']);
    assert.deepEqual(reason('Test host process crashed'), ['Stack trace here']);
    assert.deepEqual(reason('courier › marks the order delivered'), ['Error: expect(locator).toBeVisible() failed']);
});

test('run as a command it prints those lines and exits 1; with nothing failed it exits 0', () => {
    const script = fileURLToPath(new URL('./summarize-tests.mjs', import.meta.url));
    assert.throws(
        () => execFileSync(process.execPath, [script, fixtures, expected.join(',')]),
        (error) => {
            assert.equal(error.status, 1);
            assert.match(String(error.stdout), /\n5 passed, 6 failed, 2 skipped\n$/);
            return true;
        },
    );
    const empty = mkdtempSync(join(tmpdir(), 'summary-'));
    assert.equal(execFileSync(process.execPath, [script, empty]).toString(), '0 passed, 0 failed\n');
});
