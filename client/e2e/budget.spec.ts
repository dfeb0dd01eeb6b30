import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './support';

/** The JavaScript a first visit to `path` downloads, gzipped as a server would send it. */
async function initialJsKb(page: Page, path: string): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies.map(async (body) => gzipSync(await body, { level: 9 }).length));
  return sizes.reduce((a, b) => a + b, 0) / 1024;
}

for (const [name, path] of [
  ['sign-in', '/sign-in'],
  ['tracking', '/track/OT-UNKNOWN00'],
] as const) {
  test(`the ${name} page loads less than 250 KB of gzipped JavaScript`, async ({ page }) => {
    const kb = await initialJsKb(page, path);
    test.info().annotations.push({ type: 'initial-js-gzip-kb', description: kb.toFixed(1) });
    expect(kb).toBeLessThan(250);
  });
}
