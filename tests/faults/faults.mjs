// The fault-injection stage's load and checks (scripts/faults.sh starts PostgreSQL and the WebApi, then this).
// Workers create orders and move them on, every write with an Idempotency-Key and retried with the same key after
// a 503, a network error or a client timeout, while the database has its connections killed, is restarted and is
// stopped for a few seconds. Then it checks what the issue asks: every acknowledged write is in the database, no
// key made two orders, every history chain is valid, nothing answered a 500, and the API recovered by itself.
// Env: FAULTS_BASE_URL, FAULTS_PG_BINDIR, FAULTS_PGDATA, FAULTS_PG_PORT, FAULTS_PG_SOCKET, FAULTS_PG_LOG,
// FAULTS_PG_DATABASE, FAULTS_JUNIT (file to write), FAULTS_WORKERS (default 8).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const env = (name) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const base = env('FAULTS_BASE_URL');
const pg = {
  bindir: env('FAULTS_PG_BINDIR'), data: env('FAULTS_PGDATA'), port: env('FAULTS_PG_PORT'),
  socket: env('FAULTS_PG_SOCKET'), log: env('FAULTS_PG_LOG'), database: env('FAULTS_PG_DATABASE'),
};
const workers = Number(process.env.FAULTS_WORKERS ?? 8);
const clientTimeoutMs = 4000;
// The timeline starts once signed in: on a busy machine the first sign-in alone can take many seconds.
let started = Date.now();
const seconds = () => (Date.now() - started) / 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// pg_ctl refuses to run as root: the cluster belongs to postgres then (as scripts/local-postgres.sh makes it).
const asPostgres = (file, args) => (process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args));
const pgCtl = (...args) => asPostgres(`${pg.bindir}/pg_ctl`, ['-D', pg.data, ...args]);
const psql = async (sql) =>
  (await run(`${pg.bindir}/psql`, ['-h', '127.0.0.1', '-p', pg.port, '-U', 'postgres', '-d', pg.database, '-tAF', '\t', '-c', sql], { maxBuffer: 64 << 20 })).stdout;

// --- the faults, on a timeline (seconds from the start of the load) ---
const faults = [
  { name: 'Idle and busy connections killed (pg_terminate_backend), 3 times 4 s apart', at: 8, until: 20,
    inject: async () => { for (let i = 0; i < 3; i++) { await psql('SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'); await sleep(4000); } } },
  { name: 'PostgreSQL restarted (pg_ctl restart -m fast)', at: 24, until: 34,
    inject: () => pgCtl('restart', '-m', 'fast', '-w', '-l', pg.log) },
  { name: 'PostgreSQL stopped for 6 s', at: 38, until: 54,
    inject: async () => {
      await pgCtl('stop', '-m', 'fast', '-w');
      await sleep(6000);
      await pgCtl('start', '-w', '-l', pg.log, '-o', `-p ${pg.port} -k ${pg.socket} -c listen_addresses=127.0.0.1`);
    } },
];
const loadSeconds = 60;

// --- the client: every request remembered with when it started and what it got ---
const requests = [];
let token = '';

async function send(method, path, body, key) {
  const entry = { at: seconds(), method, path, outcome: '' };
  requests.push(entry);
  try {
    const response = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(key ? { 'Idempotency-Key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(clientTimeoutMs),
    });
    entry.outcome = String(response.status);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, retryAfter: Number(response.headers.get('retry-after') ?? 0) };
  } catch (error) {
    entry.outcome = error.name === 'TimeoutError' ? 'timeout' : 'network';
    return { status: 0, body: null, retryAfter: 0 };
  }
}

/** Sends until a final answer: a 503, a network error or a timeout is retried with the same key (bounded). */
async function sendRetried(method, path, body, key) {
  const deadline = Date.now() + 45_000;
  for (let attempt = 0; ; attempt++) {
    const answer = await send(method, path, body, key);
    if (answer.status !== 0 && answer.status !== 503) return answer;
    if (Date.now() > deadline) return answer;
    await sleep(Math.min(2000, answer.retryAfter ? answer.retryAfter * 1000 : 250 * 2 ** Math.min(attempt, 3)));
  }
}

const acknowledgedOrders = new Map(); // key -> order id
const acknowledgedMoves = []; // { id, status }
const unexpected = []; // final answers that are neither success nor an expected refusal

const orderBody = (key) => ({
  customer: { name: 'Fault Customer', phone: '+44 7700 900123' },
  deliveryAddress: { line1: '1 Fault Street', city: 'London', postalCode: 'SW1A 1AA', country: 'United Kingdom' },
  items: [{ name: 'Thing', quantity: 1, unitPrice: 9.99 }],
  currency: 'GBP',
  notes: `faults:${key}`,
});

async function worker(until) {
  while (seconds() < until) {
    const key = randomUUID();
    const created = await sendRetried('POST', '/api/orders', orderBody(key), key);
    if (created.status !== 201) { if (created.status !== 0 && created.status !== 503) unexpected.push(`create -> ${created.status}`); continue; }
    acknowledgedOrders.set(key, created.body.id);
    for (const status of ['Confirmed', 'Preparing']) {
      const moved = await sendRetried('POST', `/api/orders/${created.body.id}/status`, { status }, randomUUID());
      if (moved.status !== 200) { if (moved.status !== 0 && moved.status !== 503) unexpected.push(`move to ${status} -> ${moved.status} ${JSON.stringify(moved.body)}`); break; }
      acknowledgedMoves.push({ id: created.body.id, status });
    }
  }
}

// --- run ---
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'merchant@example.com', password: 'Merchant123!' }) });
if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
token = (await login.json()).accessToken;
started = Date.now();

const injected = faults.map(async (fault) => {
  await sleep(fault.at * 1000);
  fault.started = seconds();
  await fault.inject();
  fault.ended = seconds();
});
await Promise.all([...Array.from({ length: workers }, () => worker(loadSeconds)), ...injected]);

// Recovery: nothing restarts the API; it must answer ready and take a new order by itself.
let recovered = false;
for (const deadline = Date.now() + 60_000; Date.now() < deadline && !recovered;) {
  const ready = await fetch(`${base}/health/ready`).then((r) => r.status).catch(() => 0);
  if (ready === 200) {
    const key = randomUUID();
    const fresh = await send('POST', '/api/orders', orderBody(key), key);
    if (fresh.status === 201) { acknowledgedOrders.set(key, fresh.body.id); recovered = true; }
  }
  if (!recovered) await sleep(500);
}

// --- checks against the database ---
const rows = (text) => text.split('\n').filter(Boolean).map((line) => line.split('\t'));
const orders = rows(await psql(`SELECT id, notes, status FROM orders WHERE notes LIKE 'faults:%'`));
const history = rows(await psql(`SELECT h.order_id, coalesce(h."from", ''), h."to" FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.notes LIKE 'faults:%' ORDER BY h.order_id, h.at, h.id`));

const ordersById = new Map(orders.map(([id, notes, status]) => [id, { notes, status }]));
// Map.groupBy needs Node 21; the repository asks for 20.19.
const groupBy = (list, key) => list.reduce((groups, item) => groups.set(key(item), [...(groups.get(key(item)) ?? []), item]), new Map());
const byKey = groupBy(orders, ([, notes]) => notes);
const chains = groupBy(history, ([orderId]) => orderId);

const missingOrders = [...acknowledgedOrders].filter(([, id]) => !ordersById.has(id));
const duplicated = [...byKey].filter(([, list]) => list.length > 1);
const brokenChains = [];
for (const [id, { status }] of ordersById) {
  const chain = chains.get(id) ?? [];
  let previous = null;
  for (const [, from, to] of chain) {
    if ((previous === null && (from !== '' || to !== 'Pending')) || (previous !== null && from !== previous)) { brokenChains.push(`${id}: ${chain.map(([, f, t]) => `${f || '∅'}→${t}`).join(' ')}`); break; }
    previous = to;
  }
  if (previous !== status) brokenChains.push(`${id}: ends at ${previous} but the order is ${status}`);
}
const historyTargets = new Set(history.map(([id, , to]) => `${id}:${to}`));
const missingMoves = acknowledgedMoves.filter(({ id, status }) => !historyTargets.has(`${id}:${status}`));
const serverErrors = requests.filter((r) => Number(r.outcome) >= 500 && r.outcome !== '503');

// --- the fault table ---
const count = (list, test) => list.filter(test).length;
const table = [
  '| Scenario | Requests | Answered 503 | Answered 500 | Client timeouts / resets | Writes lost | Duplicates |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
const windows = [{ name: 'No fault (first 8 s)', started: 0, until: 8 }, ...faults.map((f) => ({ name: f.name, started: f.started, until: f.until }))];
for (const w of windows) {
  const inWindow = requests.filter((r) => r.at >= w.started && r.at < w.until);
  table.push(`| ${w.name} | ${inWindow.length} | ${count(inWindow, (r) => r.outcome === '503')} | ${count(inWindow, (r) => Number(r.outcome) >= 500 && r.outcome !== '503')} | ${count(inWindow, (r) => r.outcome === 'timeout' || r.outcome === 'network')} | – | – |`);
}
table.push(`| **Whole run (${loadSeconds} s, ${workers} workers)** | ${requests.length} | ${count(requests, (r) => r.outcome === '503')} | ${serverErrors.length} | ${count(requests, (r) => r.outcome === 'timeout' || r.outcome === 'network')} | ${missingOrders.length + missingMoves.length} | ${duplicated.length} |`);
console.log(table.join('\n'));
console.log(`acknowledged: ${acknowledgedOrders.size} orders, ${acknowledgedMoves.length} status changes; in the database: ${orders.length} orders`);

// --- verdicts, as JUnit ---
const verdicts = [
  ['every acknowledged order is in the database', missingOrders.map(([key, id]) => `${id} (key ${key})`)],
  ['every acknowledged status change is in the order history', missingMoves.map(({ id, status }) => `${id} -> ${status}`)],
  ['no Idempotency-Key made two orders', duplicated.map(([notes, list]) => `${notes}: ${list.length} orders`)],
  ['every history chain is valid and ends at the order status', brokenChains],
  ['no 500 (or other 5xx than 503) was answered', serverErrors.map((r) => `${r.method} ${r.path} at ${r.at.toFixed(1)} s -> ${r.outcome}`)],
  ['every final answer was a success or a retryable refusal', unexpected],
  ['the API recovered by itself (ready, and a new order is created)', recovered ? [] : ['not ready, or no order created, 60 s after the last fault']],
  ['the load acknowledged writes during the run', acknowledgedOrders.size > 0 ? [] : ['no order was acknowledged']],
];
const xml = (s) => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
const failed = verdicts.filter(([, problems]) => problems.length > 0);
writeFileSync(env('FAULTS_JUNIT'), [
  '<?xml version="1.0" encoding="UTF-8"?>',
  `<testsuites><testsuite name="faults" tests="${verdicts.length}" failures="${failed.length}" time="${seconds().toFixed(1)}">`,
  ...verdicts.map(([name, problems]) => problems.length === 0
    ? `<testcase classname="faults" name="${xml(name)}"/>`
    : `<testcase classname="faults" name="${xml(name)}"><failure message="${xml(`${problems.length} problem(s)`)}">${xml(problems.slice(0, 20).join('\n'))}</failure></testcase>`),
  '</testsuite></testsuites>', '',
].join('\n'));
for (const [name, problems] of verdicts) console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}${problems.length ? `: ${problems.slice(0, 5).join('; ')}` : ''}`);
process.exit(failed.length === 0 ? 0 : 1);
