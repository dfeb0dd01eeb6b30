import type { Page } from '@playwright/test';
import { accounts, checkScreen, expect, fillNewOrder, signIn, signOut, test } from './support';

// A merchant's pickup locations, an order collected from one of them, and the courier who is shown where to go.
// Each test walks several screens with an axe scan at two widths: more than the default minute on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let orderPath = '';
let trackingCode = '';
const customer = `Pickup Customer ${Date.now()}`;

/** A card of the order page by its title. */
const card = (page: Page, title: string) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test('a merchant keeps its business profile and pickup locations and picks one for a new order', async ({ page }) => {
  await signIn(page, accounts.merchant);
  await page.getByRole('link', { name: 'Business profile' }).click();
  await expect(page.getByLabel('Business name')).toHaveValue('Corner Bakery Ltd');
  const locations = page.getByRole('list', { name: 'Pickup locations' });
  await expect(locations.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await expect(locations.getByRole('link', { name: /Open in map \(Shop,/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/search\?query=12%20Baker%20Street/,
  );
  await checkScreen(page, 'merchant-business-profile');

  await page.getByRole('button', { name: 'Add pickup location' }).click();
  const form = page.getByRole('form', { name: 'New pickup location' });
  await form.getByLabel('Name of the place').fill('E2E Depot');
  await form.getByLabel('Address line 1').fill('7 Depot Road');
  await form.getByLabel('City').fill('London');
  await form.getByLabel('Postal code').fill('E1 6AN');
  await form.getByLabel('Country').fill('United Kingdom');
  await form.getByLabel('Instructions for couriers (optional)').fill('Gate code 1234.');
  await checkScreen(page, 'merchant-pickup-location-form');
  await form.getByRole('button', { name: 'Add pickup location' }).click();
  await expect(locations.getByRole('heading', { name: 'E2E Depot' })).toBeVisible();

  await page.getByRole('link', { name: 'New order' }).first().click();
  const pickup = page.getByLabel('Collect from');
  await expect(pickup.locator('option:checked')).toHaveText(/^Shop: 12 Baker Street, London \(default\)$/);
  await pickup.selectOption({ label: 'Bakehouse: 5 Mill Lane, London' });
  await fillNewOrder(page, {
    customer,
    phone: '+44 20 7946 0456',
    address: { line1: '3 Drop Lane', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
    items: [{ name: 'Baguette', unitPrice: '2.20' }],
  });
  await page.getByRole('button', { name: 'Create order' }).click();

  const heading = page.getByRole('heading', { level: 1, name: /^Order OT-/ });
  await expect(heading).toBeVisible();
  trackingCode = (await heading.textContent())!.replace('Order ', '').trim();
  orderPath = new URL(page.url()).pathname;
  const pickupCard = card(page, 'Pickup');
  await expect(pickupCard).toContainText('Bakehouse');
  await expect(pickupCard).toContainText('5 Mill Lane');

  const actions = page.getByRole('group', { name: 'Order actions' });
  await actions.getByRole('button', { name: 'Confirm' }).click();
  await actions.getByRole('button', { name: 'Start preparing' }).click();
  await actions.getByRole('button', { name: 'Ready for the courier' }).click();
  await expect(actions.getByRole('button')).toHaveText(['Cancel order…']);
  await signOut(page);
});

test('a courier sees the pickup address in the pool and on the order until it is picked up', async ({ page }) => {
  expect(trackingCode, 'the previous test created the order').not.toBe('');
  await signIn(page, accounts.courier);
  await page.getByRole('link', { name: 'Ready for pickup' }).click();
  const poolCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(trackingCode) }) });
  await expect(poolCard).toContainText('Collect from Bakehouse');
  await expect(poolCard).toContainText('5 Mill Lane');
  await expect(poolCard).toContainText('Ring at the back door.');
  await expect(poolCard.getByRole('link', { name: /Open in map/ })).toHaveAttribute(
    'href',
    /openstreetmap\.org\/search\?query=5%20Mill%20Lane/,
  );
  await checkScreen(page, 'courier-pool-with-pickup');

  await page.getByRole('button', { name: `Claim ${trackingCode}` }).click();
  await expect(page).toHaveURL(new RegExp(`/courier${orderPath}$`));
  // Until pickup the courier's screen leads to the pickup: its address on top, with Navigate to it.
  await expect(page.getByText('Collect from Bakehouse')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('5 Mill Lane');
  await checkScreen(page, 'courier-order-before-pickup');

  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark picked up' }).click();
  await expect(page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark out for delivery' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('3 Drop Lane');
  await expect(page.getByText('Collect from Bakehouse')).toHaveCount(0);
  await checkScreen(page, 'courier-order-after-pickup');
  await signOut(page);
});
