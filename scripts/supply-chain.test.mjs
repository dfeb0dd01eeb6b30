// What the repository pulls from elsewhere is pinned to exact bytes: every GitHub Action by its full commit SHA (with
// the release it is in a comment, for humans and Dependabot), every Docker base and compose image by digest; Dependabot
// proposes the updates of each; Grafana in the observability profile lets nobody in anonymously or without a password.
// The matchers are tried on unpinned samples too, so a matcher that lets everything through fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const workflows = readdirSync(root + '.github/workflows').filter((name) => /\.ya?ml$/.test(name)).map((name) => `.github/workflows/${name}`);

/** Every `uses:` of a workflow that is not pinned as owner/repo@<40 hex> # v1.2.3 (local actions need no pin). */
export function unpinnedActions(text) {
  return [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)]
    .filter(([, action]) => !action.startsWith('./'))
    .filter(([, action, rest]) => !(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(action) && /^\s+#\s*v\d+\.\d+\.\d+\s*$/.test(rest)))
    .map(([, action]) => action);
}

/** Image references without a digest: the Dockerfile's syntax line and FROM lines (not earlier stages), compose images. */
export function unpinnedImages(dockerfile, compose) {
  const stages = new Set([...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map(([, name]) => name.toLowerCase()));
  const references = [
    ...[...dockerfile.matchAll(/^#\s*syntax=(\S+)/gm)].map(([, image]) => image),
    ...[...dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)/gim)].map(([, image]) => image).filter((image) => !stages.has(image.toLowerCase())),
    // The image this repository builds itself (order-tracking) has no registry digest to pin.
    ...[...compose.matchAll(/^\s+image:\s*["']?([^\s"']+)/gm)].map(([, image]) => image).filter((image) => !image.startsWith('order-tracking:')),
  ];
  return references.filter((image) => !/^[^\s@]+:[^\s@]+@sha256:[0-9a-f]{64}$/.test(image));
}

/** The environment lines of one compose service, as text (enough for the few keys checked here). */
function serviceBlock(compose, name) {
  const match = compose.match(new RegExp(`^  ${name}:\\n((?:(?:    .*)?\\n)+)`, 'm'));
  assert.ok(match, `docker-compose.yml has a service "${name}"`);
  return match[1];
}

test('every action of every workflow is pinned by commit SHA with its release in a comment', () => {
  assert.ok(workflows.length > 0);
  for (const workflow of workflows) {
    assert.deepEqual(unpinnedActions(read(workflow)), [], workflow);
  }
  assert.deepEqual(
    unpinnedActions('      - uses: actions/checkout@v4\n      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684\n        uses: ./local\n'),
    ['actions/checkout@v4', 'actions/cache@5a3ec84eff668545956fd18022155c47e93e2684'],
  );
});

test('every base image and compose image is pinned by digest', () => {
  assert.deepEqual(unpinnedImages(read('Dockerfile'), read('docker-compose.yml')), []);
  assert.deepEqual(
    unpinnedImages('# syntax=docker/dockerfile:1\nFROM node:20 AS client\nFROM client\n', 'services:\n  db:\n    image: postgres:15\n  api:\n    image: order-tracking:latest\n'),
    ['docker/dockerfile:1', 'node:20', 'postgres:15'],
  );
});

test('Dependabot proposes new SHAs and digests for the actions, the Dockerfile and the compose file', () => {
  const ecosystems = [...read('.github/dependabot.yml').matchAll(/package-ecosystem:\s*(\S+)/g)].map(([, name]) => name);
  for (const ecosystem of ['github-actions', 'docker', 'docker-compose']) {
    assert.ok(ecosystems.includes(ecosystem), `${ecosystem} in ${ecosystems.join(', ')}`);
  }
});

test('Grafana has no anonymous access, no sign-up and no default admin password', () => {
  const grafana = serviceBlock(read('docker-compose.yml'), 'grafana');
  assert.match(grafana, /GF_AUTH_ANONYMOUS_ENABLED:\s*"false"/);
  assert.match(grafana, /GF_USERS_ALLOW_SIGN_UP:\s*"false"/);
  // ":?" makes compose refuse to start while the password is unset or empty (test.sh checks it with docker-compose).
  assert.match(grafana, /GF_SECURITY_ADMIN_PASSWORD:\s*\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}/);
});
