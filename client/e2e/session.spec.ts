import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { accounts, expect, signIn, signOut, test } from './support';

const screenshotDir = process.env.SCREENSHOT_DIR!;

async function refreshCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === '__Host-ot_refresh');
}

/** Everything a script on the page can read from web storage and document.cookie. */
function scriptReadableState(page: Page) {
  return page.evaluate(() => {
    const entries = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => `${key}=${storage.getItem(key)}`);
    return { storage: [...entries(localStorage), ...entries(sessionStorage)], cookie: document.cookie };
  });
}

/** Signs in through the form and returns the access token the page received. */
async function signInCapturingToken(page: Page, account: { email: string; password: string }) {
  const login = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login' && r.status() === 200);
  await signIn(page, account);
  const body = (await (await login).json()) as { accessToken: string; refreshToken?: string | null };
  expect(body.refreshToken ?? null, 'no refresh token in the sign-in answer').toBeNull();
  return body.accessToken;
}

test('the refresh token is an HttpOnly cookie no script can read, nothing token-like is in web storage, and the session survives a reload', async ({
  page,
  context,
}) => {
  const accessToken = await signInCapturingToken(page, accounts.merchant);
  await page.goto('/orders');
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();

  const cookie = await refreshCookie(context);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: true });
  const readable = await scriptReadableState(page);
  expect(readable.cookie).not.toContain('ot_refresh');
  expect(readable.cookie).not.toContain(cookie!.value);
  for (const entry of readable.storage) {
    expect(entry).not.toMatch(/token|session|eyJ/i);
    expect(entry).not.toContain(accessToken);
    expect(entry).not.toContain(cookie!.value);
  }

  // A reload forgets the in-memory access token; the app restores the session from the cookie.
  const restored = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh' && r.status() === 200);
  await page.reload();
  const restoredBody = (await (await restored).json()) as { refreshToken?: string | null };
  expect(restoredBody.refreshToken ?? null).toBeNull();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
  expect((await refreshCookie(context))!.value, 'the restore rotated the cookie').not.toBe(cookie!.value);
  expect((await scriptReadableState(page)).storage).toEqual([]);
  await page.screenshot({ path: join(screenshotDir, 'session-after-reload.png') });
});

test('an access token the API refuses is renewed with the cookie and the call retried; signing out ends the session on the server', async ({
  page,
  context,
}) => {
  await signIn(page, accounts.merchant);
  // The dashboard's figures are asked for on its first visit, so that call is certain to be made after the refusal
  // is in place (a screen already shown may answer from its cache and never call).
  const renewed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh' && r.status() === 200);
  let refused = false;
  await page.route(
    (url) => url.pathname === '/api/analytics/summary',
    async (route) => {
      if (refused) return route.continue();
      refused = true;
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 401, title: 'Unauthorized' }),
      });
    },
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await renewed;
  expect(refused, 'the figures were refused once').toBe(true);
  await expect(page.getByRole('heading', { level: 2, name: 'Status mix' })).toBeVisible();
  const lastCookie = (await refreshCookie(context))!.value;

  await signOut(page);
  expect(await refreshCookie(context), 'sign-out clears the cookie').toBeUndefined();
  const reuse = await page.request.post('/api/auth/refresh', { data: { refreshToken: lastCookie } });
  expect(reuse.status(), 'the signed-out session cannot be renewed').toBe(401);
});

test('two tabs share one session: a tab opened after sign-in is signed in, and signing out in one signs out the other', async ({
  page: first,
  context,
}) => {
  const second = await context.newPage();
  await second.goto('/sign-in');
  await expect(second.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await signIn(first, accounts.admin);
  // The tab already open follows the sign-in without a reload.
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // A tab opened now restores the same session from the cookie.
  const third = await context.newPage();
  await third.goto('/admin/users');
  await expect(third.getByRole('table', { name: 'Users' })).toBeVisible();
  await second.goto('/orders');
  await expect(second.getByRole('table', { name: 'Orders' })).toBeVisible();
  await third.screenshot({ path: join(screenshotDir, 'session-second-tab-signed-in.png') });

  await signOut(first);
  await expect(second.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(third.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await third.screenshot({ path: join(screenshotDir, 'session-second-tab-signed-out.png') });

  // And it stays signed out across a reload: the cookie is gone.
  await second.reload();
  await expect(second.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('a page load with no session, and one after signing out, logs no error in the console and asks nothing of /api/auth', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const authCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/auth/refresh')) authCalls.push(request.url());
    });

    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await signIn(page, accounts.merchant);
    await signOut(page);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

    expect(errors).toEqual([]);
    expect(authCalls).toEqual([]);
  });
});
