// Lists what the Docker build context holds (every file under the repository that .dockerignore lets in, as
// `docker build .` would send it) and fails when a secret would enter it: the Development key folder .data/ at any
// depth, a jwt-signing-key, a key or certificate file, an .env file. Key files that do not exist today are probed too,
// so a rule that only covers the top level fails before a key ever lands below it.
// Usage: node scripts/build-context.mjs [--list]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from '@balena/dockerignore';

/** Paths that hold secrets wherever they are; .env.example holds none. */
const secret = [/(^|\/)\.data\//, /(^|\/)jwt-signing-key$/, /\.(key|pem|pfx|p12)$/i, /(^|\/)\.env(\.(?!example$)[^/]+)?$/];

/** Where keys land in practice, present or not: each must be kept out by the ignore file. */
export const probes = [
  '.data/jwt-signing-key',
  'src/WebApi/.data/jwt-signing-key',
  'tests/WebApi.IntegrationTests/.data/jwt-signing-key',
  'deploy/tls.key',
  'deploy/tls.pem',
  '.env',
  'src/WebApi/.env',
  'client/.env.local',
];

export const isSecret = (path) => secret.some((pattern) => pattern.test(path));

/** Every file under `root` that `rules` (the text of a .dockerignore) lets into the context, as posix paths. */
export function contextFiles(root, rules) {
  const ignored = ignore().add(rules);
  // A directory that is ignored can hold nothing that enters, unless a "!" rule lets something back in.
  const canPrune = !rules.split('\n').some((line) => line.trim().startsWith('!'));
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = relative(root, join(dir, entry.name)).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!(canPrune && ignored.ignores(path))) walk(join(dir, entry.name));
      } else if (!ignored.ignores(path)) {
        files.push(path);
      }
    }
  };
  walk(root);
  return files;
}

/** What would leak: secret files the context holds, and probed key paths the rules would let in. */
export function leaks(root, rules) {
  const ignored = ignore().add(rules);
  const files = contextFiles(root, rules);
  return { files, secrets: files.filter(isSecret), unguarded: probes.filter((path) => !ignored.ignores(path)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { files, secrets, unguarded } = leaks(root, readFileSync(join(root, '.dockerignore'), 'utf8'));
  if (process.argv.includes('--list')) files.forEach((file) => console.log(file));
  console.log(`${files.length} files enter the Docker build context.`);
  for (const path of secrets) console.error(`a secret enters the build context: ${path}`);
  for (const path of unguarded) console.error(`.dockerignore would let a key at ${path} into the build context`);
  process.exitCode = secrets.length + unguarded.length > 0 ? 1 : 0;
}
