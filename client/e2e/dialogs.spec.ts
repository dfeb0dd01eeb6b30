import type { Locator, Page } from '@playwright/test';
import { accounts, expect, orderAt, signIn, test } from './support';

/**
 * Where focus is: the index of the focused element among the dialog's tabbable elements (in tab order, which is
 * document order: the app sets no positive tabindex), -1 when it is on none of them; whether it is inside the dialog.
 */
async function focusIn(dialog: Locator): Promise<{ index: number; count: number; inside: boolean; focused: string }> {
  return dialog.evaluate((root) => {
    const tabbable = Array.from(
      root.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
      ),
    ).filter((element) => element.checkVisibility());
    const active = document.activeElement;
    const focused = active ? `${active.tagName.toLowerCase()} “${(active.textContent ?? '').trim().slice(0, 40)}”` : 'nothing';
    return { index: tabbable.indexOf(active as HTMLElement), count: tabbable.length, inside: root.contains(active), focused };
  });
}

/**
 * Tab round the dialog more times than it has controls, then Shift+Tab back round: after every key press focus is
 * on the next (or previous) control of the dialog, wrapping at the ends. A dialog that lets focus out once before
 * wrapping (the native <dialog> in Chromium hands it to the page's body, then to the browser) fails at the wrap.
 */
async function expectFocusTrapped(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  const start = await focusIn(dialog);
  const count = start.count;
  let index = start.index;
  expect(count, 'tabbable controls in the dialog').toBeGreaterThan(1);
  // On a control of the dialog, or on the dialog itself (index -1), from where Tab goes to its first control.
  expect(start.inside, `focus starts inside the dialog, not on ${start.focused}`).toBe(true);
  for (const [key, step] of [
    ['Tab', 1],
    ['Shift+Tab', -1],
  ] as const) {
    for (let press = 1; press <= count + 2; press++) {
      await page.keyboard.press(key);
      const now = await focusIn(dialog);
      const expected = (index + step + count) % count;
      expect(now.index, `${key} #${press} of ${count + 2} moved focus to ${now.focused}`).toBe(expected);
      index = now.index;
    }
  }
}

test('the one-time API key dialogs keep focus inside while Tab and Shift+Tab go round', async ({ page }) => {
  await signIn(page, accounts.admin);
  await page.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('link', { name: 'API keys of Demo Partner' }).click();
  await page.getByRole('button', { name: 'Issue key' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue an API key' });
  await expectFocusTrapped(page, issue);
  await issue.getByLabel('Key name').fill(`e2e focus ${Date.now()}`);
  await issue.getByRole('button', { name: 'Issue key' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy the new API key now' });
  await expect(shown.locator('code.secret')).toHaveText(/^otp_/);
  await expectFocusTrapped(page, shown);

  // The question Escape asks first is inside the same dialog, and so is focus.
  await page.keyboard.press('Escape');
  await expect(shown.getByRole('button', { name: 'Close anyway' })).toBeVisible();
  await expectFocusTrapped(page, shown);
  await shown.getByRole('button', { name: 'Keep open' }).click();
  await shown.getByRole('button', { name: 'I have stored the key' }).click();
  await expect(shown).toBeHidden();
});

test('the Mark returned confirmation keeps focus inside while Tab and Shift+Tab go round', async ({ page, request }) => {
  const order = await orderAt(request, 'DeliveryFailed');
  await signIn(page, accounts.courier);
  await page.goto(`/orders/${order.id}`);
  const markReturned = page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark returned' });
  await markReturned.click();
  const confirm = page.getByRole('dialog', { name: 'Mark this parcel returned?' });
  await expectFocusTrapped(page, confirm);

  // Closed, focus goes back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(markReturned).toBeFocused();
});
