import { accounts, checkScreen, expect, signIn, test } from './support';

test('a courier cannot open admin pages', async ({ page }) => {
  await signIn(page, accounts.courier);
  for (const path of ['/admin/users', '/admin/partners', '/orders']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await checkScreen(page, 'forbidden');
});

test('signed-out visitors are sent to sign in and come back afterwards', async ({ page }) => {
  await page.goto('/orders/new');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders%2Fnew$/);
  await page.getByLabel('Email').fill(accounts.merchant.email);
  await page.getByLabel('Password').fill(accounts.merchant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/orders\/new$/);
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(accounts.merchant.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right, or the account is deactivated.');
});

test('unknown pages and unknown tracking codes say so', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await checkScreen(page, 'not-found');
  await page.goto('/track/OT-NOSUCHCODE');
  await expect(page.getByText('No parcel with this code')).toBeVisible();
});
