// Sums every TRX (dotnet test) and JUnit XML (vitest, playwright, node's test runner, script checks) file in a
// folder, names every failing test (with the start of why, so a CI log's last lines say what broke) and every
// expected suite that left no results, and ends with the one line CI reads: "N passed, N failed". Exits 1 when
// anything failed.
// Usage: node scripts/summarize-tests.mjs RESULTS_DIR [SUITE,SUITE...]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PASSED_TRX_OUTCOMES = new Set(['Passed', 'PassedButRunAborted', 'Completed', 'Warning']);
const FAILED_TRX_OUTCOMES = new Set(['Failed', 'Error', 'Timeout', 'Aborted']);

const decode = (text) =>
    text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
        .replace(/&amp;/g, '&');

/** Up to `count` non-empty lines of a failure's text, from its start (a test's message) or its end (a script's output). */
const excerpt = (text, count, fromEnd = false) => {
    const lines = decode(text.replace(/<!\[CDATA\[|\]\]>/g, ''))
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '');
    return fromEnd ? lines.slice(-count) : lines.slice(0, count);
};

const attribute = (tag, name) => {
    const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
    return match ? decode(match[1]) : undefined;
};

/** One TRX file: a result per UnitTestResult, plus class cleanup failures and run-level errors (a crashed host). */
function readTrx(xml, suite) {
    const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
    for (const [, tag, body = ''] of xml.matchAll(/(<UnitTestResult\b[^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
        const outcome = attribute(tag, 'outcome');
        if (PASSED_TRX_OUTCOMES.has(outcome)) tally.passed++;
        else if (FAILED_TRX_OUTCOMES.has(outcome)) {
            tally.failed++;
            const message = body.match(/<ErrorInfo>\s*<Message>([\s\S]*?)<\/Message>/);
            tally.failures.push({ name: `${suite}: ${attribute(tag, 'testName')}`, detail: message ? excerpt(message[1], 8) : [] });
        } else tally.skipped++;
    }
    // xUnit reports a failing class fixture cleanup (such as the secrets-in-log check) only as a message.
    for (const fixture of new Set([...xml.matchAll(/\[Test Class Cleanup Failure \(([^)]*)\)\]/g)].map((m) => m[1]))) {
        tally.failed++;
        tally.failures.push({ name: `${suite}: Test Class Cleanup Failure (${fixture})`, detail: [] });
    }
    // A test host that crashed or hung leaves only a run-level error; the tests it did not finish have no result.
    // xUnit also echoes each failing test there ("[xUnit.net ...] Name [FAIL]"): those count through their results.
    for (const [, text] of xml.matchAll(/<RunInfo\b[^>]*\soutcome="Error"[^>]*>[\s\S]*?<Text>([\s\S]*?)<\/Text>/g)) {
        if (text.trimStart().startsWith('[xUnit.net')) continue;
        tally.failed++;
        const [first, ...rest] = decode(text).trim().split('\n');
        tally.failures.push({ name: `${suite}: ${first}`, detail: excerpt(rest.join('\n'), 8) });
    }
    return tally;
}

/** One JUnit file: test cases counted one by one, since nested <testsuite> totals differ between reporters. */
function readJUnit(xml, suite) {
    const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
    for (const [, attributes, , body = ''] of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
        // Captured output (CDATA or text) may quote anything, even "<failure"; only child elements count.
        const children = body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<(system-out|system-err)\b[\s\S]*?<\/\1>/g, '');
        const tag = `<testcase${attributes}>`;
        if (/<(failure|error)\b/.test(children)) {
            tally.failed++;
            const className = attribute(tag, 'classname');
            // A script check's failure holds the end of its output, where a script says what went wrong.
            const [, failureTag, text = ''] = body.replace(/<(system-out|system-err)\b[\s\S]*?<\/\1>/g, '').match(/(<(?:failure|error)\b[^>]*?)(?:\/>|>([\s\S]*?)<\/(?:failure|error)>)/);
            const detail = text.trim() ? excerpt(text, 12, suite === 'check') : excerpt(attribute(failureTag, 'message') ?? '', 8);
            tally.failures.push({ name: `${suite}: ${className ? `${className} › ` : ''}${attribute(tag, 'name')}`, detail });
        } else if (/<skipped\b/.test(children)) tally.skipped++;
        else tally.passed++;
    }
    return tally;
}

/** Totals over every result file in DIR, the failing tests by name, and the expected suites that left nothing. */
export function summarize(dir, expected = []) {
    const total = { passed: 0, failed: 0, skipped: 0, failures: [], missing: [] };
    const suitesWithResults = [];
    for (const file of readdirSync(dir, { recursive: true }).map(String).sort()) {
        const read = file.endsWith('.trx') ? readTrx : file.endsWith('.xml') ? readJUnit : null;
        if (!read) continue;
        const suite =
            expected.find((name) => file.includes(name)) ??
            (basename(file).startsWith('check-') ? 'check' : basename(file).replace(/\.(trx|xml)$/, ''));
        const tally = read(readFileSync(join(dir, file), 'utf8'), suite);
        total.passed += tally.passed;
        total.failed += tally.failed;
        total.skipped += tally.skipped;
        total.failures.push(...tally.failures);
        if (tally.passed + tally.failed + tally.skipped > 0) suitesWithResults.push(file);
    }
    for (const name of expected) {
        if (!suitesWithResults.some((file) => file.includes(name))) {
            total.missing.push(name);
            total.failed++;
        }
    }
    return total;
}

/** Failures past this many are named without their reasons, so the last lines of a CI log stay short. */
const DETAILED_FAILURES = 3;

/** The closing lines: each failure (the first few with why, indented), each missing suite, then "N passed, N failed[, N skipped]" last. */
export function report({ passed, failed, skipped, failures, missing }, dir) {
    return [
        ...failures.flatMap(({ name, detail }, i) => [`FAILED ${name}`, ...(i < DETAILED_FAILURES ? detail.map((line) => `    ${line}`) : [])]),
        ...missing.map((name) => `NO RESULTS from suite '${name}' in ${dir} (counted as 1 failed)`),
        `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
    ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const dir = process.argv[2] ?? 'artifacts/test-results';
    const expected = (process.argv[3] ?? '').split(',').filter(Boolean);
    const total = summarize(dir, expected);
    for (const line of report(total, dir)) console.log(line);
    process.exitCode = total.failed > 0 ? 1 : 0;
}
