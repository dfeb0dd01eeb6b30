import type { Page } from '@playwright/test';
import { accounts, checkScreen, expect, signIn, test } from './support';

/** Opens the dashboard from the nav and returns the range the page asked the summary for. */
async function openDashboard(page: Page) {
  const summary = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/analytics/summary' && r.status() === 200);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const url = new URL((await summary).url());
  await expect(page.getByRole('list', { name: 'Key figures' })).toBeVisible();
  return { from: url.searchParams.get('from')!, to: url.searchParams.get('to')!, timeZone: url.searchParams.get('timeZone')! };
}

/** How many orders the orders list returns for [from, to), page by page, as the account (signed in through the API). */
async function countListedOrders(page: Page, account: { email: string; password: string }, range: { from: string; to: string }) {
  const login = await page.request.post('/api/auth/login', { data: account });
  expect(login.status()).toBe(200);
  const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  // The list's createdTo is inclusive; the summary's `to` is exclusive.
  const createdTo = new Date(new Date(range.to).getTime() - 1).toISOString();
  let count = 0;
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ createdFrom: range.from, createdTo, limit: '100' });
    if (cursor) params.set('cursor', cursor);
    const response = await page.request.get(`/api/orders?${params}`, { headers });
    expect(response.status()).toBe(200);
    const body = await response.json();
    count += body.items.length;
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

function figure(page: Page, label: string) {
  // A figure card's paragraphs are its label, its value and its context.
  return page.getByRole('listitem', { name: label }).getByRole('paragraph').nth(1);
}

test('an admin sees the figures of every merchant, consistent with the orders list', async ({ page }) => {
  await signIn(page, accounts.admin);
  const range = await openDashboard(page);
  expect(range.timeZone).toBeTruthy();

  const listed = await countListedOrders(page, accounts.admin, range);
  // The demo data holds 40 orders created in the last 14 days, all inside the default 30 days.
  expect(listed).toBeGreaterThanOrEqual(40);
  await expect(figure(page, 'Orders')).toHaveText(String(listed));

  for (const title of ['Orders per day', 'Status mix', 'Average time in status', 'Failed delivery reasons', 'Top merchants']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  // The text alternative of the per-day chart adds up to the order count.
  const perDay = await page.getByRole('table', { name: 'Orders per day' }).locator('tbody td').allTextContents();
  expect(perDay.reduce((sum, cell) => sum + Number(cell.replace(/\D/g, '')), 0)).toBe(listed);
  // Both demo merchants have orders.
  await expect(page.getByRole('table', { name: 'Top merchants by orders in this range' }).locator('tbody tr')).toHaveCount(2);

  await checkScreen(page, 'dashboard-admin');
});

test('a merchant sees only its own figures, without the top merchants', async ({ page }) => {
  await signIn(page, accounts.merchant);
  const range = await openDashboard(page);

  const listed = await countListedOrders(page, accounts.merchant, range);
  expect(listed).toBeGreaterThanOrEqual(20);
  await expect(figure(page, 'Orders')).toHaveText(String(listed));
  await expect(page.getByRole('heading', { level: 2, name: 'Status mix' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Top merchants' })).toHaveCount(0);

  // A preset asks again and keeps the range in the URL.
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\/dashboard\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');

  await checkScreen(page, 'dashboard-merchant');
});

test('a courier gets the forbidden page on the dashboard', async ({ page }) => {
  await signIn(page, accounts.courier);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
});
