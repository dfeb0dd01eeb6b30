import { readFileSync } from 'node:fs';
import { accounts, checkScreen, expect, fillNewOrder, signIn, signOut, test } from './support';

// One order's life, across roles, in order: each test hands the order on to the next.
test.describe.configure({ mode: 'serial' });

let orderPath = '';
let trackingCode = '';
const customer = `E2E Customer ${Date.now()}`;

test('a merchant creates an order and makes it ready for pickup', async ({ page }) => {
  await signIn(page, accounts.merchant);
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
  await checkScreen(page, 'merchant-orders');

  await page.getByRole('link', { name: 'New order' }).first().click();
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();

  // The API's validation comes back field by field.
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please fix' })).toBeVisible();
  await expect(page.getByLabel('City')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'merchant-new-order-errors');

  await fillNewOrder(page, {
    customer,
    phone: '+44 20 7946 0123',
    email: 'e2e.customer@example.com',
    address: { line1: '1 Test Street', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
    estimatedDelivery: '2030-01-02T10:30',
    items: [
      { name: 'Sourdough loaf', quantity: 2, unitPrice: '4.50' },
      { name: 'Croissant', unitPrice: '1.75' },
    ],
  });
  await expect(page.getByRole('status', { name: 'Order total' })).toHaveText('£10.75');
  await page.getByRole('button', { name: 'Create order' }).click();

  const heading = page.getByRole('heading', { level: 1, name: /^Order OT-/ });
  await expect(heading).toBeVisible();
  trackingCode = (await heading.textContent())!.replace('Order ', '').trim();
  orderPath = new URL(page.url()).pathname;
  await expect(page.getByText(customer)).toBeVisible();
  await checkScreen(page, 'merchant-order-detail');

  const actions = page.getByRole('group', { name: 'Order actions' });
  await actions.getByRole('button', { name: 'Confirm' }).click();
  await actions.getByRole('button', { name: 'Start preparing' }).click();
  await actions.getByRole('button', { name: 'Ready for the courier' }).click();
  // Ready for pickup: the merchant may still cancel, the next moves are the courier's.
  await expect(actions.getByRole('button')).toHaveText(['Cancel order…']);
  await expect(page.getByRole('list', { name: 'Order history' }).getByRole('listitem')).toHaveCount(4);

  // The list finds it by the customer's name.
  await page.goto(`/orders?search=${encodeURIComponent(customer)}`);
  await expect(page.getByRole('link', { name: trackingCode })).toBeVisible();

  // The CSV export follows the same filter.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('orders.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain(trackingCode);
  expect(text.trim().split(/\r?\n/)).toHaveLength(2);
  await signOut(page);
});

test('a courier claims it and marks it picked up, in transit and delivered', async ({ page }) => {
  expect(trackingCode, 'the previous test created the order').not.toBe('');
  await signIn(page, accounts.courier);
  await expect(page).toHaveURL(/\/courier$/);
  await checkScreen(page, 'courier-my-deliveries');

  await page.getByRole('link', { name: 'Ready for pickup' }).click();
  const claim = page.getByRole('button', { name: `Claim ${trackingCode}` });
  await expect(claim).toBeVisible();
  await checkScreen(page, 'courier-available');
  await claim.click();

  await expect(page).toHaveURL(new RegExp(`/courier${orderPath}$`));
  const actions = page.getByRole('group', { name: 'Order actions' });
  await actions.getByRole('button', { name: 'Mark picked up' }).click();
  await actions.getByRole('button', { name: 'Mark out for delivery' }).click();
  await expect(actions.getByRole('button', { name: 'Delivery attempt failed…' })).toBeVisible();
  await checkScreen(page, 'courier-delivery-steps');

  await actions.getByRole('button', { name: 'Delivery attempt failed…' }).click();
  const failed = page.getByRole('dialog', { name: 'Delivery attempt failed' });
  await expect(failed.getByRole('radio')).toHaveCount(5);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/courier-failed-delivery-dialog-375.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await failed.getByRole('button', { name: 'Back' }).click();

  await actions.getByRole('button', { name: 'Mark delivered' }).click();
  const deliver = page.getByRole('dialog', { name: 'Confirm delivery' });
  await deliver.getByLabel('Received by (optional)').fill('A. Neighbour');
  await deliver.getByRole('button', { name: 'Mark delivered' }).click();

  // The courier's three steps reached the server, each once; the delivery leads on to the next one.
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Your steps' }).getByRole('listitem')).toHaveText([
    /^With the courier/,
    /^Out for delivery/,
    /^Delivered/,
  ]);
  await expect(page.getByRole('link', { name: /Next delivery|My deliveries/ }).last()).toBeVisible();
  await signOut(page);
});

test('the public tracking page shows Delivered with the whole timeline', async ({ page }) => {
  expect(trackingCode, 'the previous tests delivered the order').not.toBe('');
  await page.goto('/sign-in');
  await checkScreen(page, 'sign-in');
  await page.getByLabel('Tracking code').fill(trackingCode.toLowerCase());
  await page.getByRole('button', { name: 'Track parcel' }).click();

  await expect(page).toHaveURL(`/track/${trackingCode}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Delivered on / })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveText([
    /^Delivered/,
    /^Out for delivery/,
    /^With the courier/,
    /^Ready for the courier/,
    /^Being prepared/,
    /^Order confirmed/,
    /^Order received/,
  ]);
  // A delivered parcel has no estimate any more.
  await expect(page.getByText(/Estimated delivery/)).toHaveCount(0);
  // Nothing personal on the public page.
  await expect(page.getByText(customer)).toHaveCount(0);
  await expect(page.getByText('1 Test Street')).toHaveCount(0);
  await checkScreen(page, 'tracking-delivered');
});
