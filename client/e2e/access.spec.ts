import { accounts, checkScreen, expect, signIn, test } from './support';

test('a courier cannot open admin pages', async ({ page }) => {
  await signIn(page, accounts.courier);
  for (const path of ['/admin/users', '/admin/partners', '/orders']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await checkScreen(page, 'forbidden');
});

test('signed-out visitors are sent to sign in and come back afterwards', async ({ page }) => {
  await page.goto('/orders/new');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders%2Fnew$/);
  await page.getByLabel('Email').fill(accounts.merchant.email);
  await page.getByLabel('Password').fill(accounts.merchant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/orders\/new$/);
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(accounts.merchant.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right, or the account is deactivated.');
});

test('unknown pages and unknown tracking codes say so', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await checkScreen(page, 'not-found');
  await page.goto('/track/OT-NOSUCHCODE');
  await expect(page.getByText('No parcel with this code')).toBeVisible();
});

test('an expired access token is renewed with the refresh token, and signing out revokes it', async ({ page }) => {
  await signIn(page, accounts.merchant);
  const key = 'order-tracking.session';
  const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), key);
  expect(before.refreshToken).toBeTruthy();

  // Spoil the access token, as if it had expired; the next API call gets 401 and must renew and retry.
  await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify({ ...s, accessToken: 'expired' })), [key, before] as const);
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
  await page.goto('/orders');
  await refreshed;
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
  const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), key);
  expect(after.accessToken).not.toBe('expired');
  expect(after.refreshToken).not.toBe(before.refreshToken);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const reuse = await page.request.post('/api/auth/refresh', { data: { refreshToken: after.refreshToken } });
  expect(reuse.status()).toBe(401);
});
