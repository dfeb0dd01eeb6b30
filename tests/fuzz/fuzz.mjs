// Schema-driven fuzz stage. For every operation of the committed OpenAPI document it generates valid and hostile
// path, query and body values with fast-check, sends them as admin, merchant, courier, partner (API key) and
// anonymous to a running API, and checks each answer: never a status >= 500, only statuses the document declares
// for the operation, and a content type and body that match the declared response.
//
// Env: FUZZ_BASE_URL (required, e.g. http://127.0.0.1:5080), FUZZ_SEED (default below; printed),
// FUZZ_SECONDS (total budget, default 100), FUZZ_JUNIT (write a JUnit XML file there), FUZZ_DOC (the document,
// default src/WebApi/openapi.json), FUZZ_OPERATIONS (comma-separated operationIds to run only those).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import OpenAPISampler from 'openapi-sampler';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { evilString, evilValue, invalidValue, resolve, validValue } from './schema-arbitraries.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const baseUrl = (process.env.FUZZ_BASE_URL ?? '').replace(/\/$/, '');
if (!baseUrl) {
  console.error('FUZZ_BASE_URL is not set (the running API, e.g. http://127.0.0.1:5080).');
  process.exit(2);
}
const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const totalSeconds = Number(process.env.FUZZ_SECONDS ?? 100);
// The API refuses larger bodies with 413 (OrderTrackingServices.MaxRequestBodyBytes).
const maxBodyBytes = Number(process.env.FUZZ_MAX_BODY_BYTES ?? 1024 * 1024);
const docPath = process.env.FUZZ_DOC ?? resolvePath(here, '../../src/WebApi/openapi.json');
const doc = JSON.parse(readFileSync(docPath, 'utf8'));

// OpenAPI 3.0 writes "may be null" as `nullable: true`, which Ajv accepts only beside `type`; NSwag also puts it beside
// a `oneOf` of one `$ref` (a nullable object) and alone (any value). Say the same in plain JSON Schema for Ajv.
function withNullsAjvUnderstands(node) {
  if (Array.isArray(node)) return node.map(withNullsAjvUnderstands);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withNullsAjvUnderstands(value)]));
  if (copy.nullable === true && copy.type === undefined) {
    delete copy.nullable;
    const { description, ...rest } = copy;
    return Object.keys(rest).length === 0 ? copy : { ...(description ? { description } : {}), anyOf: [rest, { type: 'null' }] };
  }
  return copy;
}
const methods = ['get', 'put', 'post', 'delete', 'patch'];
const onlyOperations = process.env.FUZZ_OPERATIONS?.split(',').filter(Boolean);

const operations = Object.entries(doc.paths)
  .flatMap(([path, item]) => methods.filter((m) => item[m]).map((method) => ({ path, method, ...item[method], parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])] })))
  .filter((op) => !onlyOperations || onlyOperations.includes(op.operationId));

// ---------- response validation ----------
// The document is OpenAPI 3.0: `nullable` is understood by Ajv; unknown formats (e.g. NSwag's "guid") are ignored
// here and reported by Spectral instead.
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true, logger: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: withNullsAjvUnderstands(doc.components) });
const validators = new Map();
function validatorFor(schema) {
  const key = JSON.stringify(schema);
  if (!validators.has(key)) {
    const rewritten = withNullsAjvUnderstands(JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/')));
    validators.set(key, ajv.compile(rewritten));
  }
  return validators.get(key);
}

// ---------- sessions and fixtures ----------
const demo = {
  admin: ['admin@example.com', 'Admin123!'],
  merchant: ['merchant@example.com', 'Merchant123!'],
  courier: ['courier@example.com', 'Courier123!'],
};

async function call(method, path, { token, apiKey, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (apiKey) headers['X-Api-Key'] = apiKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

async function setUp() {
  const tokens = {};
  for (const [role, [email, password]] of Object.entries(demo)) {
    tokens[role] = (await call('POST', '/api/auth/login', { body: { email, password } })).accessToken;
  }
  const admin = tokens.admin;
  const suffix = `${seed}-${Date.now()}`;
  // The fuzzer deactivates, renames and re-keys whatever ids it is given: give it rows of its own, so the demo
  // accounts and the partner whose key it uses stay usable for the whole run.
  const partners = await call('GET', '/api/partners', { token: admin });
  const demoPartner = partners.find((p) => p.isActive) ?? (await call('POST', '/api/partners', { token: admin, body: { name: `Fuzz partner ${suffix}` } }));
  const apiKey = (await call('POST', `/api/partners/${demoPartner.id}/api-keys`, { token: admin, body: { name: `fuzz ${suffix}` } })).key;
  const victimPartner = await call('POST', '/api/partners', { token: admin, body: { name: `Fuzz victim ${suffix}` } });
  const victimKey = await call('POST', `/api/partners/${victimPartner.id}/api-keys`, { token: admin, body: { name: `victim ${suffix}` } });
  const victimUser = await call('POST', '/api/users', { token: admin, body: { email: `fuzz-${suffix}@example.com`, displayName: 'Fuzz victim', role: 'Merchant', password: 'Fuzz-victim-123!' } });
  const page = await call('GET', '/api/orders?limit=20', { token: admin });
  const orders = page.items;
  const fixtures = {
    orderId: orders.map((o) => o.id),
    trackingCode: orders.map((o) => o.trackingCode),
    partnerId: [victimPartner.id],
    userId: [victimUser.id],
    keyId: [victimKey.id],
    merchantId: [...new Set(orders.map((o) => o.merchantId))],
  };
  return { tokens, apiKey, fixtures };
}

/** Real ids for a path parameter, chosen by route: `/api/users/{id}` gets the victim user, and so on. */
function fixturesFor(op, name, fixtures) {
  if (name === 'id') {
    if (op.path.startsWith('/api/users')) return fixtures.userId;
    if (op.path.startsWith('/api/partners')) return fixtures.partnerId;
    if (op.path.startsWith('/api/orders')) return fixtures.orderId;
  }
  return fixtures[name] ?? [];
}

// ---------- request generation ----------
const roles = ['admin', 'merchant', 'courier', 'partner', 'anonymous'];

/** Every role on every operation, most often the ones its security scheme admits, so values reach the handlers. */
function roleArbitrary(op) {
  const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const weights = schemes.includes('ApiKey') ? { partner: 6 }
    : schemes.includes('Bearer') ? { admin: 3, merchant: 3, courier: 2 }
    : { anonymous: 3 };
  return fc.oneof(...roles.map((role) => ({ weight: weights[role] ?? 1, arbitrary: fc.constant(role) })));
}

function requestArbitrary(op, fixtures) {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const fieldFixtures = { ...fixtures, id: undefined };

  const pathValue = (p) => {
    const real = fixturesFor(op, p.name, fixtures);
    const valid = real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: validValue(doc, p.schema) }) : validValue(doc, p.schema);
    return fc.oneof({ weight: 4, arbitrary: valid.map(String) }, { weight: 1, arbitrary: evilString.filter((s) => s.length > 0 && s.length < 4000) });
  };
  const queryValue = (p) => fc.oneof(
    { weight: 4, arbitrary: validValue(doc, p.schema, fieldFixtures, p.name) },
    { weight: 1, arbitrary: fc.oneof(evilString.filter((s) => s.length < 8000), evilValue.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))) },
  );
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValue(p)])), { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) });
  const path = fc.tuple(...pathParams.map(pathValue));
  const headers = fc.record(Object.fromEntries(headerParams.map((p) => [p.name, fc.oneof(fc.uuid(), evilString.filter((s) => /^[\t\x20-\x7e]*$/.test(s) && s.length < 4000))])), { requiredKeys: [] });
  let body = fc.constant(undefined);
  if (bodySchema) {
    const sample = OpenAPISampler.sample(resolve(doc, bodySchema), { skipReadOnly: true }, doc);
    body = fc.oneof(
      { weight: 2, arbitrary: fc.constant(sample) },
      { weight: 4, arbitrary: validValue(doc, bodySchema, fieldFixtures) },
      { weight: 5, arbitrary: invalidValue(doc, bodySchema, fieldFixtures) },
      { weight: 1, arbitrary: fc.constantFrom({ raw: '' }, { raw: '{' }, { raw: '{"a":' + '['.repeat(100) }, { raw: '\u0000' }).map((r) => ({ [rawBody]: r.raw })) },
    );
  }
  return fc.record({ role: roleArbitrary(op), path, query, headers, body });
}

const rawBody = Symbol('raw body');

function buildUrl(op, request) {
  const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  let path = op.path;
  names.forEach((name, i) => {
    // A lone surrogate cannot be sent in a URL at all (it has no UTF-8 form): send U+FFFD in its place, as a browser does.
    path = path.replace(`{${name}}`, encodeURIComponent(String(request.path[i]).toWellFormed()));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const query = search.toString();
  return path + (query ? `?${query}` : '');
}

// ---------- checks ----------
const mediaType = (header) => (header ?? '').split(';')[0].trim().toLowerCase();

// Kestrel refuses a request it cannot parse (a NUL in the path, a request line over 8 KB, headers too large)
// with a bare status before any of the app runs: that is the HTTP server's answer, not the operation's.
const refusedByServer = (status, contentType, text) => [400, 414, 431].includes(status) && !contentType && text.length === 0;

function check(op, status, contentType, text) {
  const problems = [];
  if (status >= 500) problems.push(`status ${status}`);
  if (refusedByServer(status, contentType, text)) return problems;
  const declared = op.responses[String(status)] ?? op.responses.default;
  if (!declared) {
    problems.push(`undeclared status ${status}`);
    return problems;
  }
  const content = declared.content ?? {};
  const declaredTypes = Object.keys(content);
  if (declaredTypes.length === 0) {
    if (text.length > 0) problems.push(`status ${status}: a body where the document declares none`);
    return problems;
  }
  const actual = mediaType(contentType);
  if (!declaredTypes.includes(actual)) {
    problems.push(`status ${status}: content type ${actual || '(none)'} where the document declares ${declaredTypes.join(', ')}`);
    return problems;
  }
  const schema = content[actual].schema;
  if (schema && /json/.test(actual)) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`status ${status}: body is not JSON`);
      return problems;
    }
    const validate = validatorFor(schema);
    if (!validate(body)) {
      const error = validate.errors[0];
      problems.push(`status ${status}: body does not match the schema: ${error.instancePath || '/'} ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`);
    }
  }
  return problems;
}

function describe(request, url, method) {
  const body = request.body === undefined ? '' : request.body?.[rawBody] !== undefined ? ` raw body ${JSON.stringify(request.body[rawBody]).slice(0, 120)}` : ` body ${truncate(JSON.stringify(request.body), 300)}`;
  return `as ${request.role}: ${method.toUpperCase()} ${truncate(url, 300)}${body}`;
}
const truncate = (text, n) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);

// ---------- run ----------
async function main() {
  const started = Date.now();
  console.log(`fuzz: seed ${seed}, ${operations.length} operations, ${totalSeconds} s budget, against ${baseUrl}`);
  const { tokens, apiKey, fixtures } = await setUp();
  const perOperationMs = Math.max(500, Math.floor((totalSeconds * 1000 - (Date.now() - started)) / operations.length));
  const results = [];
  for (const [index, op] of operations.entries()) {
    const failures = new Map();
    let examples = 0;
    const statuses = {};
    const opStarted = Date.now();
    const run = await fc.check(
      fc.asyncProperty(requestArbitrary(op, fixtures), async (request) => {
        const url = buildUrl(op, request);
        const headers = { accept: 'application/json', ...request.headers };
        if (request.role === 'partner') headers['X-Api-Key'] = apiKey;
        else if (request.role !== 'anonymous') headers.authorization = `Bearer ${tokens[request.role]}`;
        let payload;
        if (request.body !== undefined) {
          headers['content-type'] = 'application/json';
          payload = request.body?.[rawBody] !== undefined ? request.body[rawBody] : JSON.stringify(request.body);
        }
        examples++;
        let status;
        let contentType;
        let text;
        try {
          const response = await fetch(baseUrl + url, { method: op.method.toUpperCase(), headers, body: payload, signal: AbortSignal.timeout(30_000) });
          status = response.status;
          contentType = response.headers.get('content-type');
          text = await response.text();
        } catch (error) {
          // A body over the API's limit is refused with 413 before it is read, and the server may then close the
          // connection while the client is still sending (RFC 9110 §15.5.14), which the client sees as a reset rather
          // than the 413 it was sent: for such a body that is the refusal, for any other it is a failure.
          const refusedForSize = payload !== undefined && Buffer.byteLength(payload) > maxBodyBytes;
          status = refusedForSize ? 413 : 599;
          contentType = refusedForSize ? 'application/problem+json' : '';
          text = refusedForSize ? '{"status":413}' : `request failed: ${error.cause?.message ?? error.message}`;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        for (const problem of check(op, status, contentType, text)) {
          const entry = failures.get(problem) ?? { count: 0, example: `${describe(request, url, op.method)} -> ${status} ${truncate(text.replace(/\s+/g, ' '), 300)}` };
          entry.count++;
          failures.set(problem, entry);
        }
        return true;
      }),
      { seed: seed + index, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: perOperationMs, markInterruptAsFailure: false, endOnFailure: true },
    );
    // A property that throws (a bug in the fuzzer or its schema handling) ends the run: that must fail, never pass quietly.
    if (run.failed && !run.interrupted) {
      failures.set(`the fuzzer itself failed: ${run.errorInstance?.message ?? run.error}`, { count: 1, example: String(run.counterexample?.[0] ? describe(run.counterexample[0], buildUrl(op, run.counterexample[0]), op.method) : '') });
    }
    const seconds = (Date.now() - opStarted) / 1000;
    results.push({ op, examples, failures, statuses, seconds });
    const summary = Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`${failures.size ? 'FAIL' : 'ok  '} ${op.operationId.padEnd(28)} ${String(examples).padStart(5)} examples  ${summary}`);
    for (const [problem, { count, example }] of failures) console.log(`       ${count}× ${problem}\n          e.g. ${example}`);
  }

  const examples = results.reduce((n, r) => n + r.examples, 0);
  const failed = results.filter((r) => r.failures.size > 0);
  const failingExamples = results.reduce((n, r) => n + [...r.failures.values()].reduce((m, f) => m + f.count, 0), 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${seed}, ${results.length} operations, ${examples} examples, ${failingExamples} failed checks in ${failed.length} operations, ${seconds} s`);
  if (process.env.FUZZ_JUNIT) writeJunit(process.env.FUZZ_JUNIT, results, seconds);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length ? 1 : 0;
}

const xml = (text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/[\ud800-\udfff]/g, '?')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function writeJunit(file, results, seconds) {
  const cases = results.map(({ op, examples, failures, seconds: time }) => {
    const name = xml(`${op.operationId} (${op.method.toUpperCase()} ${op.path}), ${examples} examples`);
    const open = `  <testcase classname="fuzz" name="${name}" time="${time.toFixed(1)}"`;
    if (failures.size === 0) return `${open}/>`;
    const lines = [...failures].map(([problem, { count, example }]) => `${count}× ${problem}\n  e.g. ${example}`);
    return `${open}>\n    <failure message="${xml(`${failures.size} kinds of failure: ${[...failures.keys()].join('; ')}`).slice(0, 2000)}">${xml(lines.join('\n'))}</failure>\n  </testcase>`;
  });
  const failuresCount = results.filter((r) => r.failures.size).length;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="fuzz" tests="${results.length}" failures="${failuresCount}" time="${seconds}">\n  <properties><property name="seed" value="${seed}"/></properties>\n${cases.join('\n')}\n</testsuite>\n`);
}

main().catch((error) => {
  console.error(`fuzz: ${error.stack ?? error}`);
  process.exit(2);
});
