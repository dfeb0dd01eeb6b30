// Chooses a TCP port on 127.0.0.1 for a server that will bind it later (PostgreSQL, the API under test).
// The port comes from below the kernel's ephemeral range: ports in that range are handed to listen(0) callers and
// to the source side of outgoing connections, so one chosen there can be taken between being chosen and being
// bound (minutes, for the browser tests' server). tests/Shared/LoopbackPort.cs is the same rule for the .NET tests.
// Run as a script it prints one port; `node free-port.mjs N` prints N distinct ports, one per line.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const lowest = 20000;

function ephemeralRangeStart() {
  try {
    const start = Number.parseInt(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0], 10);
    return Number.isInteger(start) && start > lowest + 1000 ? start : 32768;
  } catch {
    return 32768;
  }
}

function canListenOn(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @param {Set<number>} [exclude] ports already chosen by the caller */
export async function freePort(exclude = new Set()) {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = lowest + Math.floor(Math.random() * (highest - lowest + 1));
    if (!exclude.has(port) && (await canListenOn(port))) return port;
  }
  throw new Error(`No free port between ${lowest} and ${highest} on 127.0.0.1`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number.parseInt(process.argv[2] ?? '1', 10);
  const chosen = new Set();
  for (let i = 0; i < count; i++) chosen.add(await freePort(chosen));
  process.stdout.write(`${[...chosen].join('\n')}\n`);
}
