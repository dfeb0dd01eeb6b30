import type { Page } from '@playwright/test';
import { accounts, checkScreen, expect, orderAt, signIn, test } from './support';

const steps = (page: Page) => page.getByRole('list', { name: 'Delivery progress' });
const liveBadge = (page: Page) => page.getByRole('status', { name: 'Live updates' });

async function expectNothingPersonal(page: Page) {
  await expect(page.getByText(/Private Customer|9 Private Road|7946 0789/)).toHaveCount(0);
}

test('the customer page of a delivered parcel leads with when it was delivered, and shows no estimate', async ({ page, request }) => {
  const order = await orderAt(request, 'Delivered');
  await page.goto(`/track/${order.trackingCode}`);

  await expect(page.getByRole('heading', { level: 2, name: /^Delivered on .+ at / })).toBeVisible();
  await expect(page.getByText(/Estimated delivery/)).toHaveCount(0);
  await expect(steps(page).locator('[aria-current="step"]')).toHaveText('Delivered');
  // A delivered parcel cannot change any more, so the page does not claim to follow it live.
  await expect(liveBadge(page)).toHaveCount(0);
  await expect(page.getByText(/InTransit|ReadyForPickup|PickedUp/)).toHaveCount(0);
  await expectNothingPersonal(page);
  await checkScreen(page, 'tracking-customer-delivered');
});

test('the customer page of a failed attempt says why in plain words and what happens next', async ({ page, request }) => {
  const order = await orderAt(request, 'DeliveryFailed');
  await page.goto(`/track/${order.trackingCode}`);

  await expect(page.getByRole('heading', { level: 2, name: /^We could not deliver your parcel/ })).toBeVisible();
  await expect(page.getByText('Nobody was available to receive the parcel.').first()).toBeVisible();
  await expect(page.getByText(/The courier will try again, or the parcel will go back to/)).toBeVisible();
  const stopped = steps(page).locator('[data-state="stopped"]');
  await expect(stopped).toHaveText('Delivery attempt failed');
  await expect(steps(page).locator('[data-state="todo"]')).toHaveText(['Delivered (not yet)']);
  await expect(page.getByText(/Estimated delivery/)).toHaveCount(0);
  // A failed attempt is not the end: the page follows the parcel live.
  await expect(liveBadge(page)).toHaveText('Live');
  await expectNothingPersonal(page);
  await checkScreen(page, 'tracking-customer-failed');
});

test('the customer page of a cancelled parcel shows it cancelled, not six steps still to come', async ({ page, request }) => {
  const order = await orderAt(request, 'Cancelled');
  await page.goto(`/track/${order.trackingCode}`);

  await expect(page.getByRole('heading', { level: 2, name: 'This order was cancelled' })).toBeVisible();
  await expect(steps(page).getByRole('listitem')).toHaveText(['Order received (done)', 'Order confirmed (done)', 'Cancelled']);
  await expect(page.getByText(/Estimated delivery/)).toHaveCount(0);
  // The merchant's cancellation reason is theirs, not the public's.
  await expect(page.getByText('Out of stock')).toHaveCount(0);
  await expectNothingPersonal(page);
  await checkScreen(page, 'tracking-customer-cancelled');
});

test('no Live badge when no parcel is shown', async ({ page }) => {
  await page.goto('/track/OT-NOSUCHCODE');
  await expect(page.getByText('No parcel with this code')).toBeVisible();
  await expect(liveBadge(page)).toHaveCount(0);
});

test('the merchant copies the tracking link, shown with its QR code, from the order page', async ({ page, context, request, baseURL }) => {
  const order = await orderAt(request, 'Delivered');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, accounts.merchant);
  await page.goto(`/orders/${order.id}`);

  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Tracking link for the customer' }) });
  const url = `${baseURL}/track/${order.trackingCode}`;
  await expect(card.getByRole('link', { name: url })).toBeVisible();
  await expect(card.getByRole('img', { name: `QR code of ${url}` })).toBeVisible();
  await card.getByRole('button', { name: 'Copy tracking link' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await checkScreen(page, 'merchant-order-tracking-link');
});

test('Mark returned asks first, and Keep it open keeps it open', async ({ page, request }) => {
  const order = await orderAt(request, 'DeliveryFailed');
  await signIn(page, accounts.courier);
  await page.goto(`/orders/${order.id}`);
  const actions = page.getByRole('group', { name: 'Order actions' });

  await actions.getByRole('button', { name: 'Mark returned' }).click();
  const confirm = page.getByRole('dialog', { name: 'Mark this parcel returned?' });
  await expect(confirm).toBeVisible();
  await checkScreen(page, 'courier-return-confirmation');
  await confirm.getByRole('button', { name: 'Keep it open' }).click();
  await expect(confirm).toBeHidden();
  await expect(actions.getByRole('button', { name: 'Try delivery again' })).toBeVisible();

  await actions.getByRole('button', { name: 'Mark returned' }).click();
  await page.getByRole('dialog', { name: 'Mark this parcel returned?' }).getByRole('button', { name: 'Mark returned' }).click();
  await expect(page.getByText('This order is closed.')).toBeVisible();
});

test('an admin finds users by name and role, and sees whose each order is', async ({ page }) => {
  await signIn(page, accounts.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const table = page.getByRole('table', { name: 'Users' });
  await page.getByLabel('Name or email').fill('courier2');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('courier2@example.com');
  await page.getByLabel('Name or email').fill('');
  await page.getByLabel('Role').selectOption('Merchant');
  // By the Role column: a row's text would also match the e2e user admin.spec.ts makes (e2e.courier.…), now a merchant.
  // Every role shown must be Merchant, so the check waits for the filtered list and cannot pass on an empty table.
  await expect.poll(async () => [...new Set(await table.locator('td[data-label="Role"]').allInnerTexts())]).toEqual(['Merchant']);
  await expect(table).toContainText('merchant2@example.com');
  await checkScreen(page, 'admin-users-filtered');

  await page.goto('/orders');
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('columnheader', { name: 'Merchant' })).toBeVisible();
  await checkScreen(page, 'admin-orders');
});

test('the dashboard does not scroll sideways on a phone', async ({ page }) => {
  await signIn(page, accounts.merchant);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'pixels the page is wider than the phone').toBe(0);
  await checkScreen(page, 'dashboard-phone');
});
