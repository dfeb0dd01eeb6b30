import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { accounts, checkScreen, expect, orderAt, signIn, signOut, test } from './support';

/** The receiver's answer: longer than the 2 048 characters the API keeps of it. */
const answerBody = 'ok '.repeat(1000);

/** A receiver on loopback (the e2e server runs with Webhooks__AllowLoopback=true) that answers 200 to any path. */
async function startReceiver(): Promise<{ server: Server; url: (path?: string) => string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(answerBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: (path = '/hooks') => `http://127.0.0.1:${port}${path}`, received };
}

/** Nothing on the page (dialogs included) is wider than the viewport: no sideways scrolling on a phone. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(0);
}

async function addEndpoint(page: Page, url: string) {
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await dialog.getByLabel('Endpoint URL').fill(url);
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret now' });
  await expect(secretDialog).toContainText(/whsec_[A-Za-z0-9_-]{43}/);
  await secretDialog.getByRole('button', { name: 'I have stored the secret' }).click();
}

for (const width of [1280, 375] as const) {
  test(`a merchant edits an endpoint, sends a test event, reads its attempt and deletes the endpoint (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    const receiver = await startReceiver();
    try {
      await signIn(page, accounts.merchant);
      await page.goto('/settings');
      await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
      await addEndpoint(page, receiver.url());
      const endpoint = page.getByRole('listitem').filter({ hasText: receiver.url() });
      await expect(endpoint).toContainText('Order created · Status changed · Assigned');

      // Edit: a new path and one event fewer; the form starts from what is saved.
      await endpoint.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit webhook endpoint' });
      await expect(edit.getByLabel('Endpoint URL')).toHaveValue(receiver.url());
      if (width === 375) await checkScreen(page, 'merchant-webhooks-edit');
      await edit.getByLabel('Endpoint URL').fill(receiver.url('/orders-in'));
      await edit.getByRole('checkbox', { name: 'Assigned' }).uncheck();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(edit).toBeHidden();
      const edited = page.getByRole('listitem').filter({ hasText: receiver.url('/orders-in') });
      await expect(edited).toContainText('Order created · Status changed');
      await expect(edited).not.toContainText('Assigned');

      // A test event goes out through the normal path and shows in the log with its attempt.
      await edited.getByRole('button', { name: 'Send test event' }).click();
      await expect.poll(() => receiver.received.some((body) => body.includes('"endpoint.test"'))).toBe(true);
      const log = page.getByRole('table', { name: `Delivery log of ${receiver.url('/orders-in')}` });
      await expect(log).toContainText('endpoint.test');
      await expect(log).toContainText('Delivered');
      await expectNoSidewaysScroll(page);
      // At both widths, whichever this run is at: once is enough for the pictures and the accessibility scan.
      if (width === 375) await checkScreen(page, 'merchant-webhooks-log');

      await log.getByRole('button', { name: /^Details of endpoint\.test/ }).click();
      const detail = page.getByRole('dialog', { name: 'Delivery of endpoint.test' });
      await expect(detail).toContainText('Answered 200');
      await expect(detail).toContainText('Webhook-Id:');
      await expect(detail).toContainText('X-OrderTracking-Signature:');
      await expect(detail).toContainText('Content-Type: text/plain');
      await expect(detail).toContainText('Showing the first 2 048 characters.');
      await expect(detail).toContainText('"type": "endpoint.test"');
      await expectNoSidewaysScroll(page);
      if (width === 375) await checkScreen(page, 'merchant-webhooks-attempt');
      await page.keyboard.press('Escape');
      await expect(detail).toBeHidden();

      // Delete, after saying so; nothing more is sent to it.
      await edited.getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this webhook endpoint?' });
      await expect(confirm).toContainText(receiver.url('/orders-in'));
      await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByRole('listitem').filter({ hasText: receiver.url('/orders-in') })).toHaveCount(0);
    } finally {
      receiver.server.close();
    }
  });
}

test('a merchant’s order change reaches its endpoint, and an admin oversees the merchant’s endpoints without managing them', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, accounts.merchant);
    await page.goto('/settings');
    await addEndpoint(page, receiver.url('/admin-sees'));
    await orderAt(request, 'Pending');
    await expect.poll(() => receiver.received.some((body) => body.includes('"order.created"'))).toBe(true);

    await signOut(page);
    await signIn(page, accounts.admin);
    await page.goto('/admin/users');
    await page
      .getByRole('row')
      .filter({ hasText: accounts.merchant.email })
      .getByRole('link', { name: /^Business profile of / })
      .click();
    const endpoint = page.getByRole('listitem').filter({ hasText: receiver.url('/admin-sees') });
    await expect(endpoint.getByRole('button')).toHaveText(['Delivery log', 'Disable', 'Delete']);

    await endpoint.getByRole('button', { name: 'Disable' }).click();
    await expect(endpoint).toContainText(/Disabled by hand on/);
    await endpoint.getByRole('button', { name: 'Delivery log' }).click();
    await expect(page.getByRole('table', { name: `Delivery log of ${receiver.url('/admin-sees')}` })).toContainText('order.created');
    await checkScreen(page, 'admin-merchant-webhooks');

    await endpoint.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this webhook endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: receiver.url('/admin-sees') })).toHaveCount(0);
  } finally {
    receiver.server.close();
  }
});
