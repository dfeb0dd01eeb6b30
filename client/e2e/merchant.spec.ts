import { accounts, expect, orderAt, signIn, test } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('on a phone the merchant sees the next step first, Cancel as a small secondary button, and readable limits', async ({
  page,
  request,
}) => {
  const order = await orderAt(request, 'Pending');
  await signIn(page, accounts.merchant);

  await page.goto(`/orders/${order.id}`);
  const status = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Status', exact: true }) });
  const nextStep = status.getByRole('group', { name: 'Next step' });
  await expect(nextStep).toContainText('Waiting for a courier');
  await expect(nextStep.getByRole('button', { name: 'Assign' })).toBeVisible();
  // The next step comes before the order's other moves.
  const nextTop = (await nextStep.boundingBox())!.y;
  const actions = status.getByRole('group', { name: 'Order actions' });
  expect((await actions.boundingBox())!.y).toBeGreaterThan(nextTop);
  const cancel = actions.getByRole('button', { name: /Cancel/ });
  await expect(cancel).toHaveClass(/btn--secondary/);
  expect((await cancel.boundingBox())!.width).toBeLessThan(375 / 2);

  await page.goto('/orders/new');
  // The merchant's default pickup location is in the United Kingdom.
  await expect(page.getByLabel('Country')).toHaveValue('United Kingdom');
  await page.getByLabel('Unit price').fill('2000000000');
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page.getByText('Enter a unit price from 0 to 1 000 000 000.').first()).toBeVisible();

  await page.goto('/orders');
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByLabel('Search').fill('OT-7F');
  await expect(page.getByText('Type at least 4 characters after OT- to find a tracking code.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
