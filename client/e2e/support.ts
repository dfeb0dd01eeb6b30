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

/** What the new-order form is filled with; a field left out keeps the form's default. */
export interface NewOrderInput {
  customer: string;
  phone: string;
  email?: string;
  address: { line1: string; city: string; postalCode: string; country: string };
  estimatedDelivery?: string;
  items: { name: string; quantity?: number; unitPrice: string }[];
}

/** Fills the merchant's new-order form as a person does, field by field, adding an item line per extra item. */
export async function fillNewOrder(page: Page, order: NewOrderInput) {
  await page.getByLabel('Name', { exact: true }).fill(order.customer);
  await page.getByLabel('Phone').fill(order.phone);
  if (order.email !== undefined) await page.getByLabel('Email (optional)').fill(order.email);
  await page.getByLabel('Address line 1').fill(order.address.line1);
  await page.getByLabel('City').fill(order.address.city);
  await page.getByLabel('Postal code').fill(order.address.postalCode);
  await page.getByLabel('Country').fill(order.address.country);
  if (order.estimatedDelivery !== undefined) await page.getByLabel('Estimated delivery (optional)').fill(order.estimatedDelivery);
  for (const [index, item] of order.items.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Item name').nth(index).fill(item.name);
    if (item.quantity !== undefined) await page.getByLabel('Quantity').nth(index).fill(String(item.quantity));
    await page.getByLabel('Unit price').nth(index).fill(item.unitPrice);
  }
}

export type OrderStage = 'Pending' | 'InTransit' | 'Delivered' | 'DeliveryFailed' | 'Cancelled';

/**
 * An order of the demo merchant taken through the API (set-up only) to `last`: confirmed and cancelled, or
 * prepared, claimed by the demo courier and carried. The customer's details are ones a public page must never show.
 */
export async function orderAt(request: APIRequestContext, last: OrderStage): Promise<{ id: string; trackingCode: string }> {
  const merchant = { Authorization: `Bearer ${await tokenFor(request, accounts.merchant)}` };
  const courier = { Authorization: `Bearer ${await tokenFor(request, accounts.courier)}` };
  const created = await request.post('/api/orders', {
    headers: { ...merchant, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      customer: { name: `Private Customer ${Date.now()}`, phone: '+44 20 7946 0789' },
      deliveryAddress: { line1: '9 Private Road', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
      items: [{ name: 'Cake', quantity: 1, unitPrice: 12 }],
      currency: 'GBP',
      estimatedDeliveryAt: '2030-01-02T10:30:00Z',
    },
  });
  expect(created.status(), 'order created').toBe(201);
  const order = (await created.json()) as { id: string; trackingCode: string };
  if (last === 'Pending') return order;
  const move = async (headers: Record<string, string>, status: string, reason?: string) => {
    const response = await request.post(`/api/orders/${order.id}/status`, { headers, data: { status, reason } });
    expect(response.status(), `moved to ${status}`).toBe(200);
  };
  await move(merchant, 'Confirmed');
  if (last === 'Cancelled') {
    await move(merchant, 'Cancelled', 'Out of stock');
    return order;
  }
  await move(merchant, 'Preparing');
  await move(merchant, 'ReadyForPickup');
  expect((await request.post(`/api/orders/${order.id}/claim`, { headers: courier })).status(), 'claimed').toBe(200);
  await move(courier, 'PickedUp');
  await move(courier, 'InTransit');
  if (last === 'InTransit') return order;
  await move(courier, last, last === 'DeliveryFailed' ? 'RecipientUnavailable' : undefined);
  return order;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

export const widths = [375, 1280] as const;

const scriptlessFrames = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

/**
 * Looks at the current screen as people do: a full-page screenshot at phone and desk widths (SCREENSHOT_DIR/name-width.png)
 * and an axe scan at each width that must find nothing serious or critical. A frame sandboxed without scripts (the
 * e-mail preview) is left out of the scan: axe runs inside each frame and never finishes where scripts cannot run.
 * Scan what such a frame shows as a page of its own (checkDocument).
 */
export async function checkScreen(page: Page, name: string) {
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
    const results = await new AxeBuilder({ page })
      .exclude(scriptlessFrames)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${width}px: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(blocking, `accessibility violations on ${name}`).toEqual([]);
  }
  if (original) await page.setViewportSize(original);
}

/** A document a page shows in a script-less sandboxed frame (such as an e-mail's HTML), looked at as a page of its own. */
export async function checkDocument(page: Page, html: string, name: string) {
  const own = await page.context().newPage();
  try {
    await own.setContent(html);
    await checkScreen(own, name);
  } finally {
    await own.close();
  }
}
