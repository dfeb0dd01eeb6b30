import { accounts, checkDocument, checkScreen, expect, orderAt, signIn, test, tokenFor } from './support';

interface CaughtEmail {
  subject: string;
  text: string;
  to: { address: string }[];
}

/** What the mail catcher the e2e server started (maildev) has received so far. */
async function inbox(): Promise<CaughtEmail[]> {
  const response = await fetch(`http://127.0.0.1:${process.env.E2E_MAIL_WEB_PORT}/api/email`);
  expect(response.ok, 'the mail catcher answers').toBe(true);
  return (await response.json()) as CaughtEmail[];
}

const to = (address: string) => async () => (await inbox()).filter((m) => m.to.some((t) => t.address === address)).map((m) => m.subject);

test('a merchant chooses its customer e-mails, previews one, and gets a test at its own address', async ({ page }) => {
  // Two screens with a rendered e-mail frame each get an axe scan at two widths: more than the default minute on a busy machine.
  test.slow();
  await signIn(page, accounts.merchant);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByLabel('E-mail my customers when their order changes')).toBeChecked();

  // An unsaved accent colour shows in the preview at once.
  await page.getByLabel('Accent colour (optional)').fill('#0a7d5a');
  await page.getByLabel('E-mail', { exact: true }).selectOption({ label: 'Out for delivery' });
  const preview = page.frameLocator('iframe[title="Preview of the “Out for delivery” e-mail"]');
  await expect(preview.getByRole('heading', { name: 'Out for delivery' })).toBeVisible();
  await expect(page.getByText('[Test] Out for delivery: your order from Corner Bakery Ltd')).toBeVisible();
  await expect(preview.locator('td[style*="#0a7d5a"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(page.getByText('E-mail settings saved.', { exact: true })).toBeVisible();
  await checkScreen(page, 'notification-settings');
  const previewFrame = page.locator('iframe[title="Preview of the “Out for delivery” e-mail"]');
  await checkDocument(page, (await previewFrame.getAttribute('srcdoc'))!, 'notification-email-preview');

  await page.getByRole('button', { name: 'Send me a test' }).click();
  await expect(page.getByText(/^Test e-mail “Out for delivery” sent to m•••@example\.com\.$/)).toBeVisible();
  await expect
    .poll(to(accounts.merchant.email), { timeout: 20_000 })
    .toContain('[Test] Out for delivery: your order from Corner Bakery Ltd');

  // A mistake is shown beside its field before anything is sent.
  await page.getByLabel('Logo address (optional)').fill('http://insecure.example/logo.png');
  await page.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(page.getByText('Give the logo as an https address of an image')).toBeVisible();
});

test('the order page lists the e-mails its customer was sent, the address masked', async ({ page, request }) => {
  const customer = `customer-${Date.now()}@example.org`;
  const merchant = { Authorization: `Bearer ${await tokenFor(request, accounts.merchant)}` };
  const created = await request.post('/api/orders', {
    headers: merchant,
    data: {
      customer: { name: 'E-mail Customer', phone: '+44 20 7946 0789', email: customer },
      deliveryAddress: { line1: '9 Mail Road', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
      items: [{ name: 'Cake', quantity: 1, unitPrice: 12 }],
      currency: 'GBP',
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { id: string };
  expect((await request.post(`/api/orders/${order.id}/status`, { headers: merchant, data: { status: 'Confirmed' } })).status()).toBe(200);
  await expect.poll(to(customer), { timeout: 20_000 }).toEqual(['Order confirmed: your order from Corner Bakery Ltd']);

  await signIn(page, accounts.merchant);
  await page.goto(`/orders/${order.id}`);
  const emails = page.getByRole('list', { name: 'Customer e-mails' });
  await expect(emails.getByRole('listitem')).toHaveCount(1);
  await expect(emails).toContainText(/Order confirmed: sent .+ to c•••@example\.org/);
  await checkScreen(page, 'order-customer-emails');

  // The e-mail's link for this order asks before it stops anything, then stops this order's e-mails.
  const sent = (await inbox()).find((m) => m.to.some((t) => t.address === customer))!;
  const link = new URL(/Stop e-mails about this order: (\S+)/.exec(sent.text)![1]);
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/will get no more e-mails about order OT-/)).toBeVisible();
  await checkScreen(page, 'unsubscribe');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByText('You are unsubscribed')).toBeVisible();
});

test('the tracking page leads with the logo the merchant chose for its e-mails', async ({ page, request }) => {
  const order = await orderAt(request, 'Pending');
  // The logo's host stands in for the merchant's own: the browser still applies the page's policy before asking it.
  const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  await page.route('https://logo.example/**', (route) => route.fulfill({ contentType: 'image/png', body: onePixelPng }));
  await signIn(page, accounts.merchant);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Notifications' }).click();
  const setLogo = async (address: string) => {
    await page.getByLabel('Logo address (optional)').fill(address);
    await page.getByRole('button', { name: 'Save e-mail settings' }).click();
    await expect(page.getByText('E-mail settings saved.', { exact: true })).toBeVisible();
  };
  await setLogo('https://logo.example/corner.png');

  try {
    await page.goto(`/track/${order.trackingCode}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeVisible();
    // A logo the Content-Security-Policy refused would fail to load, and the page drops a logo that fails.
    const logo = page.getByRole('img', { name: 'Corner Bakery Ltd logo' });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  } finally {
    // The other scenarios know Corner Bakery without a logo.
    await page.goto('/');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Notifications' }).click();
    await setLogo('');
  }
});
