import { accounts, checkScreen, expect, signIn, signOut, test } from './support';

test('an admin creates a user who can then sign in', async ({ page }) => {
  const email = `e2e.courier.${Date.now()}@example.com`;
  await signIn(page, accounts.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  await checkScreen(page, 'admin-users');

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Display name').fill('Eve Express');
  await dialog.getByLabel('Initial password').fill('Courier123!');
  await dialog.getByLabel('Role').selectOption('Delivery');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Courier');
  await expect(row).toContainText('Active');

  await signOut(page);
  await signIn(page, { email, password: 'Courier123!' });
  await expect(page).toHaveURL(/\/courier$/);
});

test('an admin sees all orders and can filter them by merchant', async ({ page }) => {
  await signIn(page, accounts.admin);
  await expect(page.getByRole('heading', { name: 'All orders' })).toBeVisible();
  await page.getByLabel('Merchant').selectOption({ label: 'Corner Bakery' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/merchantId=/);
  await expect(page.getByRole('table', { name: 'Orders' })).toBeVisible();
  await checkScreen(page, 'admin-orders');
});
