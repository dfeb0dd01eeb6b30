import { createServer, type Server } from 'node:http';
import { accounts, checkScreen, expect, signIn, test } from './support';

/** A receiver on loopback (the e2e server runs with Webhooks__AllowLoopback=true) that answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/hooks`, received };
}

test('a merchant adds a webhook endpoint, sees its secret once, and reads and resends from the delivery log', async ({ page, request }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, accounts.merchant);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret now' });
    await expect(secretDialog).toContainText(/whsec_[A-Za-z0-9_-]{43}/);
    await secretDialog.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(page.getByText(receiver.url)).toBeVisible();

    // An order change through the API: the delivery reaches the receiver and shows in the log.
    const login = await request.post('/api/auth/login', { data: accounts.merchant });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await request.post('/api/orders', {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: {
        customer: { name: 'Webhook Customer', phone: '+44 7700 900123' },
        deliveryAddress: { line1: '1 High Street', city: 'London', postalCode: 'SW1A 1AA', country: 'United Kingdom' },
        items: [{ name: 'Sourdough loaf', quantity: 1, unitPrice: 4.5 }],
        currency: 'GBP',
      },
    });
    expect(created.status()).toBe(201);
    await expect.poll(() => receiver.received.length).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: 'Delivery log' }).first().click();
    const log = page.getByRole('table', { name: `Delivery log of ${receiver.url}` });
    await expect(log).toContainText('order.created');
    await expect(log).toContainText('Delivered');
    await checkScreen(page, 'merchant-webhooks');

    await log
      .getByRole('button', { name: /^Resend order\.created/ })
      .first()
      .click();
    await expect.poll(() => receiver.received.length).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Rotate secret' }).first().click();
    await expect(page.getByRole('dialog', { name: 'Copy the signing secret now' })).toContainText('previous secret');
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await page.getByRole('button', { name: 'Disable' }).first().click();
    await expect(page.getByText('Disabled').first()).toBeVisible();
  } finally {
    receiver.server.close();
  }
});
