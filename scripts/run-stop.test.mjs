// run.sh's Ctrl+C (node --test): the local PostgreSQL the script started stops with it. The signal goes to the
// script's whole process group, as a terminal sends it; PostgreSQL runs in a session of its own (pg_ctl detaches it),
// so only run.sh's trap can stop it. Needs the PostgreSQL server binaries, like run.sh itself.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { freePort } from './free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function postmasterRunning(dataDir) {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('Ctrl+C on run.sh stops the local PostgreSQL it started', { timeout: 120_000 }, async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'run-stop-'));
  // When run as root the cluster belongs to the postgres user, who must be able to reach it.
  chmodSync(scratch, 0o755);
  const dataDir = join(scratch, 'postgres');
  // The client build stands in for any long step: an npm that waits, so the signal comes mid-step as it would
  // (real npm, signalled while it starts up, may finish its install first).
  const fakeBin = join(scratch, 'bin');
  mkdirSync(fakeBin);
  // It says when it runs: a signal sent as soon as run.sh prints its step can land between bash's fork and the exec of
  // npm, where the subshell swallows it and npm never hears it (the test then waited out its timeout).
  const npmStarted = join(scratch, 'npm-started');
  writeFileSync(join(fakeBin, 'npm'), `#!/bin/sh\n: > '${npmStarted}'\nexec sleep 300\n`, { mode: 0o755 });
  const env = { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, PG_PORT: String(await freePort()), PG_DATA_DIR: dataDir };
  delete env.ConnectionStrings__OrderTracking;
  const run = spawn('bash', ['run.sh'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  run.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => run.once('exit', resolve));
  try {
    await new Promise((resolve, reject) => {
      run.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Building the React client')) resolve();
      });
      run.once('exit', () => reject(new Error(`run.sh ended before starting PostgreSQL:\n${output}`)));
    });
    assert.ok(postmasterRunning(dataDir), 'PostgreSQL runs while run.sh does');
    while (!existsSync(npmStarted)) await new Promise((resolve) => setTimeout(resolve, 20));

    process.kill(-run.pid, 'SIGINT');
    await exited;

    assert.ok(!postmasterRunning(dataDir), `PostgreSQL still runs after Ctrl+C:\n${output}`);
    assert.match(output, /PostgreSQL: local cluster stopped/);
  } finally {
    if (run.exitCode === null && run.signalCode === null) process.kill(-run.pid, 'SIGKILL');
    if (postmasterRunning(dataDir)) {
      const pgCtl = join(execFileSync('bash', ['-c', 'source scripts/local-postgres.sh && find_pg_bindir'], { cwd: root, encoding: 'utf8' }).trim(), 'pg_ctl');
      const stop = [pgCtl, '-D', join(dataDir, 'pgdata'), '-m', 'immediate', 'stop'];
      if (process.getuid() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...stop]);
      else execFileSync(stop[0], stop.slice(1));
    }
    rmSync(scratch, { recursive: true, force: true });
  }
});
