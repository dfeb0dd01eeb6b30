import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export const accounts = {
  admin: { email: 'admin@example.com', password: 'Admin123!' },
  merchant: { email: 'merchant@example.com', password: 'Merchant123!' },
  courier: { email: 'courier@example.com', password: 'Courier123!' },
} as const;

const screenshotDir = process.env.SCREENSHOT_DIR!;
mkdirSync(screenshotDir, { recursive: true });

/** Every test leaves a screenshot in SCREENSHOT_DIR/failures when it fails. */
export const test = base.extend<{ failureShot: void }>({
  failureShot: [
    async ({ page }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        const dir = join(screenshotDir, 'failures');
        mkdirSync(dir, { recursive: true });
        const name = testInfo.titlePath
          .slice(1)
          .join(' - ')
          .replace(/[^\w.-]+/g, '_');
        await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
      }
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs in through the API (test set-up only; the screens under test go through the UI). */
export async function tokenFor(request: APIRequestContext, account: { email: string; password: string }): Promise<string> {
  const response = await request.post('/api/auth/login', { data: account });
  expect(response.status(), 'sign-in for the set-up').toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

export const widths = [375, 1280] as const;

/**
 * Looks at the current screen as people do: a full-page screenshot at phone and desk widths (SCREENSHOT_DIR/name-width.png)
 * and an axe scan at each width that must find nothing serious or critical.
 */
export async function checkScreen(page: Page, name: string) {
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${width}px: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(blocking, `accessibility violations on ${name}`).toEqual([]);
  }
  if (original) await page.setViewportSize(original);
}
