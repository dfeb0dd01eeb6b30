import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { accounts, expect, test, tokenFor } from './support';

// The courier's phone: a 375 px touch screen that shares its position, as the courier's app is used.
test.use({
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  geolocation: { latitude: 51.5074, longitude: -0.1278, accuracy: 15 },
  permissions: ['geolocation'],
});

const screenshots = process.env.SCREENSHOT_DIR!;

interface Order {
  id: string;
  trackingCode: string;
}

async function auth(request: APIRequestContext, account: { email: string; password: string }) {
  return { Authorization: `Bearer ${await tokenFor(request, account)}` };
}

/** A courier of this run, so its deliveries are exactly the ones made here. */
async function newCourier(request: APIRequestContext) {
  const courier = { email: `e2e.offline.${Date.now()}@example.com`, password: `Pw-${crypto.randomUUID()}` };
  const created = await request.post('/api/users', {
    headers: await auth(request, accounts.admin),
    data: { ...courier, displayName: 'Olive Offline', role: 'Delivery' },
  });
  expect(created.status(), 'courier created').toBe(201);
  return { ...courier, id: ((await created.json()) as { id: string }).id };
}

/** An order of the demo merchant assigned to the courier, moved by the courier (through the API) to `steps`' last. */
async function assignedOrder(
  request: APIRequestContext,
  courier: { id: string; email: string; password: string },
  steps: string[],
  customer: string,
) {
  const merchant = await auth(request, accounts.merchant);
  const created = await request.post('/api/orders', {
    headers: { ...merchant, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      customer: { name: customer, phone: '+44 20 7946 0123' },
      deliveryAddress: {
        line1: `${Math.floor(Math.random() * 90) + 10} Offline Street`,
        city: 'London',
        postalCode: 'E1 6AN',
        country: 'United Kingdom',
      },
      items: [{ name: 'Bread', quantity: 2, unitPrice: 3.5 }],
      currency: 'GBP',
    },
  });
  const order = (await created.json()) as Order;
  for (const status of ['Confirmed', 'Preparing', 'ReadyForPickup']) {
    expect((await request.post(`/api/orders/${order.id}/status`, { headers: merchant, data: { status } })).status()).toBe(200);
  }
  expect((await request.post(`/api/orders/${order.id}/assignment`, { headers: merchant, data: { courierId: courier.id } })).status()).toBe(
    200,
  );
  const courierAuth = await auth(request, { email: courier.email, password: courier.password });
  for (const status of steps) {
    expect((await request.post(`/api/orders/${order.id}/status`, { headers: courierAuth, data: { status } })).status()).toBe(200);
  }
  return order;
}

async function history(request: APIRequestContext, order: Order) {
  const response = await request.get(`/api/orders/${order.id}/history`, { headers: await auth(request, accounts.merchant) });
  return (await response.json()) as { kind: string; to: string; at: string; occurredAt?: string; actorName: string }[];
}

/** The delivery's card link in the courier's list (the map links name the code too). */
function cardOf(page: Page, order: Order) {
  return page.getByRole('link', { name: new RegExp(`^Order ${order.trackingCode}`) });
}

async function openDelivery(page: Page, order: Order) {
  await page.getByRole('link', { name: 'My deliveries' }).first().click();
  await cardOf(page, order).click();
  await expect(page.getByRole('group', { name: 'Order actions' })).toBeVisible();
}

/** Nothing wider than the phone: no sideways scrolling, and "Sign out" on the screen. */
async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(375);
}

test('a delivery round in airplane mode: nothing lost, nothing doubled, a conflict shown', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const courier = await newCourier(request);
  const pickup = await assignedOrder(request, courier, [], 'Ada Pickup');
  const doorstep = await assignedOrder(request, courier, ['PickedUp', 'InTransit'], 'Bea Doorstep');
  const contested = await assignedOrder(request, courier, [], 'Cy Contested');
  const before = { pickup: (await history(request, pickup)).length, doorstep: (await history(request, doorstep)).length };

  // Installable: a manifest starting at the courier's deliveries, PNG icons, and an active service worker.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(courier.email);
  await page.getByLabel('Password').fill(courier.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(cardOf(page, contested)).toBeVisible();
  const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(manifestUrl!)).json()) as {
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; type: string; sizes: string }[];
  };
  expect([manifest.start_url, manifest.display, manifest.theme_color]).toEqual(['/courier', 'standalone', '#1d4ed8']);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png')!;
    expect((await request.get(icon.src)).headers()['content-type']).toBe('image/png');
  }
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
  await page.waitForLoadState('networkidle');
  await fitsThePhone(page);
  await page.screenshot({ path: join(screenshots, 'courier-online-375.png'), fullPage: true });

  // Signal gone: a reload still opens the deliveries and an order's details.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Offline, last updated/)).toBeVisible();
  await expect(cardOf(page, pickup)).toBeVisible();
  await fitsThePhone(page);
  // Another screen of the app opens too, saying what needs a signal, never a full-page error.
  await page.getByRole('link', { name: 'Ready for pickup' }).click();
  await expect(page.getByRole('heading', { name: 'Ready for pickup' })).toBeVisible();
  await expect(page.getByText('Orders ready for pickup show here when there is a signal again.')).toBeVisible();
  await expect(page.getByText(/Something went wrong/)).toHaveCount(0);

  // Three changes offline: picked up and out for delivery on one order, delivered with photo and signature on another.
  await openDelivery(page, pickup);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const actions = page.getByRole('group', { name: 'Order actions' });
  await actions.getByRole('button', { name: 'Mark picked up' }).click();
  await expect(page.getByText(/With the courier .*waiting to send/)).toBeVisible();
  // The step taken is gone from the bar: it cannot be tapped twice.
  await expect(actions.getByRole('button', { name: 'Mark picked up' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Mark out for delivery' }).click();
  await expect(page.getByText(/Out for delivery .*waiting to send/)).toBeVisible();

  await openDelivery(page, doorstep);
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark delivered' }).click();
  const proof = page.getByRole('dialog', { name: 'Confirm delivery' });
  const photo = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const draw = canvas.getContext('2d')!;
    draw.fillStyle = '#4a6fa5';
    draw.fillRect(0, 0, 2400, 1800);
    draw.fillStyle = '#f5c542';
    draw.fillRect(800, 500, 800, 700);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await proof.getByLabel(/Photo of the parcel/).setInputFiles({ name: 'door.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
  await expect(proof.getByRole('img', { name: 'The parcel at the door, as it will be sent' })).toBeVisible();
  const pad = (await proof.getByTestId('signature-pad').boundingBox())!;
  await page.mouse.move(pad.x + 20, pad.y + pad.height * 0.7);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, -40],
    [110, 10],
    [170, -30],
    [230, 20],
  ])
    await page.mouse.move(pad.x + 20 + dx!, pad.y + pad.height * 0.7 + dy!, { steps: 5 });
  await page.mouse.up();
  await proof.getByLabel(/Received by/).fill('Jane Smith');
  await page.screenshot({ path: join(screenshots, 'courier-proof-of-delivery-375.png') });
  await proof.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(page.getByText(/Delivered .*waiting to send/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next delivery' })).toBeVisible();

  // A fourth change, which another person makes impossible meanwhile: an admin marks the order picked up.
  await openDelivery(page, contested);
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark picked up' }).click();
  const admin = await auth(request, accounts.admin);
  expect((await request.post(`/api/orders/${contested.id}/status`, { headers: admin, data: { status: 'PickedUp' } })).status()).toBe(200);

  // Closed and opened again without a signal: the queue is still on the phone.
  await page.reload();
  await expect(page.getByText('4 changes waiting to send')).toBeVisible();
  await page.getByRole('link', { name: 'My deliveries' }).first().click();
  await expect(page.getByText('2 changes waiting to send')).toBeVisible();
  await fitsThePhone(page);
  await page.screenshot({ path: join(screenshots, 'courier-offline-queue-375.png'), fullPage: true });
  expect(await page.locator('body').innerText()).not.toMatch(/InTransit|PickedUp|DeliveryFailed|ReadyForPickup/);

  // Signing out now would delete what waits: the courier is asked, and can stay.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('4 changes have not been sent yet');
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('4 changes waiting to send')).toBeVisible();

  // Signal back: each change reaches the server once; the conflict is shown with who changed the order and how it stands.
  await context.setOffline(false);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0, { timeout: 30_000 });
  const pickupHistory = await history(request, pickup);
  const doorstepHistory = await history(request, doorstep);
  expect(pickupHistory.slice(before.pickup).map((h) => h.to)).toEqual(['PickedUp', 'InTransit']);
  expect(doorstepHistory.slice(before.doorstep).map((h) => h.to)).toEqual(['Delivered']);
  const delivered = doorstepHistory.at(-1)!;
  expect(new Date(delivered.at).getTime()).toBeGreaterThan(new Date(delivered.occurredAt!).getTime());
  const proofOfDelivery = (await (
    await request.get(`/api/orders/${doorstep.id}/proof-of-delivery`, { headers: await auth(request, accounts.merchant) })
  ).json()) as { proof: { recipientName: string; hasPhoto: boolean; hasSignature: boolean; latitude: number } };
  expect(proofOfDelivery.proof).toMatchObject({ recipientName: 'Jane Smith', hasPhoto: true, hasSignature: true, latitude: 51.5074 });

  await openDeliveryList(page);
  await page.getByRole('button', { name: 'All' }).click();
  await cardOf(page, doorstep).click();
  await expect(page.getByRole('list', { name: 'Your steps' })).toContainText('Delivered');
  await page.screenshot({ path: join(screenshots, 'courier-delivered-375.png'), fullPage: true });

  await openDeliveryList(page);
  await cardOf(page, contested).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not sent' })).toContainText(
    /Ada Admin changed this order in the meantime\. It is now with the courier\./,
  );
  // The screen moves on to the order as it stands: picked up (by the admin), so the courier's next step is offered.
  await expect(page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark out for delivery' })).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'courier-conflict-375.png'), fullPage: true });
});

async function openDeliveryList(page: Page) {
  await page.getByRole('link', { name: 'My deliveries' }).first().click();
  await expect(page.getByRole('heading', { name: 'My deliveries' })).toBeVisible();
}
