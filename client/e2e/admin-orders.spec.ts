import { accounts, expect, orderAt, signIn, test, tokenFor } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('on a phone an admin sees who delivers each order, and a partner’s page shows the partner’s orders', async ({ page, request }) => {
  const order = await orderAt(request, 'Pending');
  const merchant = { Authorization: `Bearer ${await tokenFor(request, accounts.merchant)}` };
  const assignees = (await (await request.get('/api/assignees', { headers: merchant })).json()) as {
    partners: { id: string; name: string }[];
  };
  const partner = assignees.partners.find((p) => p.name === 'Demo Partner')!;
  const assigned = await request.post(`/api/orders/${order.id}/assignment`, {
    headers: { ...merchant, 'Idempotency-Key': crypto.randomUUID() },
    data: { partnerId: partner.id },
  });
  expect(assigned.status(), 'assigned to the partner').toBe(200);
  await signIn(page, accounts.admin);

  await page.goto(`/orders?search=${order.trackingCode}`);
  const row = page.getByRole('row').filter({ hasText: order.trackingCode });
  await expect(row).toContainText('Partner Demo Partner');

  await page.goto(`/admin/partners/${partner.id}`);
  const partnerOrders = page.getByRole('region', { name: 'Orders assigned to this partner' });
  await expect(partnerOrders.getByRole('link', { name: order.trackingCode })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('an admin narrows the orders to the unassigned and the overdue ones, and the URL keeps them', async ({ page, request }) => {
  const order = await orderAt(request, 'Pending');
  await signIn(page, accounts.admin);

  await page.goto(`/orders?search=${order.trackingCode}`);
  await expect(page.getByRole('link', { name: order.trackingCode })).toBeVisible();
  // On a phone the filters start folded.
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByRole('checkbox', { name: 'Unassigned' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/assignment=unassigned/);
  await expect(page.getByRole('link', { name: order.trackingCode })).toBeVisible();

  // Its estimated delivery is years away: not overdue. Applying folds the filters again on a phone.
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByRole('checkbox', { name: 'Overdue' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.getByText('No orders match these filters')).toBeVisible();

  await page.reload();
  await expect(page.getByText('No orders match these filters')).toBeVisible();
});
