import type { BrowserContext, Page } from '@playwright/test';
import { accounts, checkScreen, expect, orderAt, signIn, test, tokenFor } from './support';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const start = { latitude: 51.5033, longitude: -0.1195, accuracy: 12 };
const moved = { latitude: 51.505, longitude: -0.1195, accuracy: 12 }; // about 190 m north

/**
 * CI has no internet: map tiles (and anything else off this site) are refused, and the page must work without them.
 * Returns the off-site requests the page tried.
 */
async function offline(context: BrowserContext, baseURL: string): Promise<string[]> {
  const tried: string[] = [];
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => {
      tried.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return tried;
}

/** Resolves with the browser's clock when the customer's map shows the courier at `latitude`. */
function whenMapShows(page: Page, latitude: number): Promise<number> {
  return page.evaluate(
    (expected) =>
      new Promise<number>((resolve) => {
        const matches = () => document.querySelector(`[data-courier-latitude="${expected}"]`) !== null;
        if (matches()) return resolve(Date.now());
        new MutationObserver((_, observer) => {
          if (matches()) {
            observer.disconnect();
            resolve(Date.now());
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-courier-latitude'] });
      }),
    latitude,
  );
}

test('the courier’s position moves on the customer’s phone within a second of the courier’s app sending it', async ({
  browser,
  request,
  baseURL,
}) => {
  // Two phones, a map and four axe scans: more than the default minute on a loaded two-core machine.
  test.setTimeout(180_000);
  const order = await orderAt(request, 'InTransit');

  const courierContext = await browser.newContext({ ...phone, baseURL, geolocation: start, permissions: ['geolocation'] });
  const customerContext = await browser.newContext({ ...phone, baseURL });
  const tiles = await offline(customerContext, baseURL!);
  await offline(courierContext, baseURL!);
  const courier = await courierContext.newPage();
  const customer = await customerContext.newPage();

  const reports: { at: number; latitude: number }[] = [];
  courier.on('request', (r) => {
    if (r.url().endsWith('/api/courier/position') && r.method() === 'PUT')
      reports.push({ at: Date.now(), latitude: r.postDataJSON().latitude });
  });

  // The courier signs in with an order out for delivery: sharing starts by itself, and says so.
  await signIn(courier, accounts.courier);
  await expect(courier.getByRole('region', { name: 'Location sharing' })).toContainText('Sharing your location');
  await expect.poll(() => reports.length).toBeGreaterThan(0);

  // The customer's phone: the map (without tiles), the estimate and the timeline.
  await customer.goto(`/track/${order.trackingCode}`);
  const map = customer.getByRole('region', { name: 'Map of the courier on the way to you' });
  await expect(map).toHaveAttribute('data-courier-latitude', String(start.latitude));
  await expect(customer.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
  await expect(customer.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeVisible();
  await expect(customer.getByRole('list', { name: 'Timeline' })).toBeVisible();
  expect(
    tiles.some((url) => url.includes('tile.openstreetmap.org')),
    'the map asked for tiles (refused here)',
  ).toBe(true);

  // The courier moves. The app sends at most every 4 s, so the move is made once that gap has passed; the bound below
  // runs from the moment the app sends the new position to the moment the customer's map shows it.
  const gap = reports[reports.length - 1]!.at + 4_500 - Date.now();
  if (gap > 0) await courier.waitForTimeout(gap);
  const shown = whenMapShows(customer, moved.latitude);
  await courierContext.setGeolocation(moved);
  await expect.poll(() => reports.some((r) => r.latitude === moved.latitude)).toBe(true);
  const sentAt = reports.find((r) => r.latitude === moved.latitude)!.at;
  const lag = (await shown) - sentAt;
  test.info().annotations.push({ type: 'position-lag-ms', description: String(lag) });
  expect(lag, 'from the app sending the position to the customer’s map showing it').toBeLessThan(1_000);

  // No sideways scroll on a phone, and the screens pass axe; screenshots of both.
  for (const page of [customer, courier]) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
  await checkScreen(customer, 'live-map-tracking');
  await checkScreen(courier, 'live-map-courier-sharing');

  // Pause: nothing is sent while paused, whatever the device reports; resume sends the latest position at once.
  await courier.setViewportSize(phone.viewport);
  await courier.getByRole('button', { name: 'Pause sharing' }).click();
  await expect(courier.getByRole('region', { name: 'Location sharing' })).toContainText('paused');
  const beforePause = reports.length;
  await courierContext.setGeolocation(start);
  await checkScreen(courier, 'live-map-courier-paused');
  expect(reports.length, 'a position was sent while sharing was paused').toBe(beforePause);
  await courier.getByRole('button', { name: 'Resume sharing' }).click();
  await expect.poll(() => reports.length).toBeGreaterThan(beforePause);
  await expect(map).toHaveAttribute('data-courier-latitude', String(start.latitude));

  await courierContext.close();
  await customerContext.close();
});

test('after a failed attempt the customer leaves instructions from a phone, and the merchant sees them', async ({
  browser,
  request,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const order = await orderAt(request, 'DeliveryFailed');
  const customerContext = await browser.newContext({ ...phone, baseURL });
  await offline(customerContext, baseURL!);
  const customer = await customerContext.newPage();
  await customer.goto(`/track/${order.trackingCode}`);

  await expect(customer.getByRole('heading', { name: 'Help the next attempt' })).toBeVisible();
  await customer.getByLabel('Instructions for the courier (optional)').fill('Ring the side door of flat 9B');
  await customer.getByLabel('Another day (optional)').selectOption({ index: 1 });
  await customer.getByRole('button', { name: /^Send to / }).click();
  await expect(customer.getByText('Your request was passed on')).toBeVisible();
  await expect(customer.getByText('flat 9B')).toHaveCount(0);
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await checkScreen(customer, 'live-map-delivery-request');
  await customerContext.close();

  await signIn(page, accounts.merchant);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText('“Ring the side door of flat 9B”')).toBeVisible();
});

test('a phone whose signal drops before the map arrives keeps the tracking page, and the map comes once it is back', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const order = await orderAt(request, 'InTransit');
  const courier = { Authorization: `Bearer ${await tokenFor(request, accounts.courier)}` };
  const shared = await request.put('/api/courier/position', {
    headers: courier,
    data: { ...start, recordedAt: new Date(Date.now() - 1_000).toISOString() },
  });
  expect(shared.status()).toBe(200);
  await offline(context, baseURL!);
  // The map's code (a chunk of its own) cannot be fetched, as when the signal drops while the page is opening.
  let signal = false;
  await context.route(/\/assets\/courier-map-[^/]+\.js$/, (route) => (signal ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(`/track/${order.trackingCode}`);

  // Only the map's box says so: the page, its progress and its live badge stay.
  await expect(page.getByText('The map could not load.', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveText('Live');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkScreen(page, 'tracking-map-unavailable');

  // The signal drops and comes back: the map is fetched again by itself and shown, with its styles, without a reload.
  signal = true;
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(page.getByRole('region', { name: 'Map of the courier on the way to you' })).toBeVisible();
  await expect(page.locator('.leaflet-container')).toHaveCSS('overflow', 'hidden');
  await expect(page.getByText(/could not load/)).toHaveCount(0);
});
