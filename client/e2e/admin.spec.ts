import { accounts, checkScreen, expect, signIn, signOut, test } from './support';

test('an admin creates a user, changes the role, resets the password and deactivates the account', async ({ page }) => {
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
  await signOut(page);

  // Promote to merchant, reset the password, then deactivate: the account can no longer sign in.
  await signIn(page, accounts.admin);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Edit ${email}` }).click();
  let edit = page.getByRole('dialog', { name: `Edit ${email}` });
  await edit.getByLabel('Role').selectOption('Merchant');
  await edit.getByLabel('New password (optional)').fill('Merchant456!');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Merchant');
  await page.getByRole('button', { name: `Edit ${email}` }).click();
  edit = page.getByRole('dialog', { name: `Edit ${email}` });
  await edit.getByLabel('Active (can sign in)').uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Deactivated');
  await signOut(page);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('Merchant456!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not right, or the account is deactivated');
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

test('an admin issues a partner API key, shown once, that works until it is revoked', async ({ page }) => {
  const keyName = `e2e dispatcher ${Date.now()}`;
  await signIn(page, accounts.admin);
  await page.getByRole('link', { name: 'Partners' }).click();
  await expect(page.getByRole('table', { name: 'Delivery partners' })).toBeVisible();
  await checkScreen(page, 'admin-partners');

  await page.getByRole('link', { name: 'API keys of Demo Partner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Partner: API keys' })).toBeVisible();
  await page.getByRole('button', { name: 'Issue key' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue an API key' });
  await issue.getByLabel('Key name').fill(keyName);
  await issue.getByRole('button', { name: 'Issue key' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy the new API key now' });
  await expect(shown.getByText('This is the only time the key is shown.')).toBeVisible();
  const key = (await shown.locator('code.secret').textContent())!.trim();
  expect(key).toMatch(/^otp_/);
  await shown.getByRole('button', { name: 'Copy key' }).click();
  await expect(shown.getByRole('button', { name: 'Copied' })).toBeVisible();
  await checkScreen(page, 'admin-new-api-key');

  // Escape or a click outside asks first: the key cannot be shown again.
  await page.keyboard.press('Escape');
  await expect(shown.getByText('You will not see this key again. Close without storing it?')).toBeVisible();
  await checkScreen(page, 'admin-new-api-key-close-confirmation');
  await shown.getByRole('button', { name: 'Keep open' }).click();
  await expect(shown.locator('code.secret')).toHaveText(key);
  await page.mouse.click(5, 5);
  await expect(shown.getByRole('button', { name: 'Close anyway' })).toBeVisible();
  await shown.getByRole('button', { name: 'Keep open' }).click();
  await shown.getByRole('button', { name: 'I have stored the key' }).click();
  await expect(shown).toBeHidden();

  // The key works on the partner API, and the list shows it without the secret.
  expect((await page.request.get('/api/partner/orders', { headers: { 'X-Api-Key': key } })).status()).toBe(200);
  const row = page.getByRole('row').filter({ hasText: keyName });
  await expect(row).toContainText('Active');
  await expect(page.getByText(key)).toHaveCount(0);
  await checkScreen(page, 'admin-partner-keys');

  await row.getByRole('button', { name: `Revoke ${keyName}` }).click();
  await page
    .getByRole('dialog', { name: `Revoke “${keyName}”?` })
    .getByRole('button', { name: 'Revoke key' })
    .click();
  await expect(row).toContainText('Revoked');
  expect((await page.request.get('/api/partner/orders', { headers: { 'X-Api-Key': key } })).status()).toBe(401);
});
