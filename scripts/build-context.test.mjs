import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSecret, leaks } from './build-context.mjs';

const rules = readFileSync(fileURLToPath(new URL('../.dockerignore', import.meta.url)), 'utf8');

/** A throwaway tree holding a Development key where the WebApi keeps it, beside ordinary sources. */
function treeWithKeys() {
  const root = mkdtempSync(join(tmpdir(), 'build-context-'));
  for (const path of ['src/WebApi/Program.cs', 'src/WebApi/.data/jwt-signing-key', '.data/jwt-signing-key', 'client/src/main.tsx', 'deploy/tls.key', '.env.example']) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), 'x');
  }
  return root;
}

test('the repository .dockerignore keeps every key file out, at any depth, and lets the sources in', () => {
  const root = treeWithKeys();
  try {
    const { files, secrets, unguarded } = leaks(root, rules);
    assert.deepEqual(secrets, []);
    assert.deepEqual(unguarded, []);
    assert.ok(files.includes('src/WebApi/Program.cs') && files.includes('client/src/main.tsx'), files.join(', '));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a top-level-only rule lets the WebApi Development key into the context, and the check says so', () => {
  const root = treeWithKeys();
  try {
    const { secrets, unguarded } = leaks(root, '.data/\n**/bin/\n');
    assert.ok(secrets.includes('src/WebApi/.data/jwt-signing-key'), secrets.join(', '));
    assert.ok(secrets.includes('deploy/tls.key'));
    assert.ok(!secrets.includes('.data/jwt-signing-key'));
    assert.ok(unguarded.includes('src/WebApi/.data/jwt-signing-key'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('what counts as a secret: keys and .env files, not the documented example', () => {
  assert.ok(isSecret('a/b/.data/anything'));
  assert.ok(isSecret('.env') && isSecret('src/.env.production'));
  assert.ok(!isSecret('.env.example') && !isSecret('src/Domain/Keyed.cs') && !isSecret('docs/keys.md'));
});
