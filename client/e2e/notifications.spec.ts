import type { Page } from '@playwright/test';
import { accounts, expect, orderAt, signIn, test } from './support';

interface Watch {
  checks: number;
  mostAtOnce: number;
  overlaps: string[];
  check: () => void;
}

/**
 * Watches the page from now on, on every frame it draws and whenever asked: the most notifications visible at once,
 * and every visible notification drawn over a visible button (any button of the page but the notification's own).
 */
async function watchNotifications(page: Page) {
  await page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return element.checkVisibility() && box.width > 0 && box.height > 0;
    };
    const label = (element: Element) => (element.textContent ?? '').trim().slice(0, 40);
    const watch: Watch = {
      checks: 0,
      mostAtOnce: 0,
      overlaps: [],
      check() {
        watch.checks++;
        const toasts = Array.from(document.querySelectorAll('[role="region"][aria-label^="Notifications"] ol > li')).filter(shown);
        watch.mostAtOnce = Math.max(watch.mostAtOnce, toasts.length);
        const buttons = Array.from(document.querySelectorAll('button, a.btn')).filter(shown);
        for (const toast of toasts) {
          const t = toast.getBoundingClientRect();
          for (const button of buttons) {
            if (toast.contains(button)) continue;
            const b = button.getBoundingClientRect();
            if (t.left < b.right && b.left < t.right && t.top < b.bottom && b.top < t.bottom) {
              const overlap = `“${label(toast)}” over the button “${label(button)}”`;
              if (!watch.overlaps.includes(overlap)) watch.overlaps.push(overlap);
            }
          }
        }
      },
    };
    (window as unknown as { e2eNotifications: Watch }).e2eNotifications = watch;
    const frame = () => {
      watch.check();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Scrolls each button of the page to the top and to the bottom edge of the screen, as a thumb scrolling through the
 * page would, checking at each stop (layout is read synchronously, so the notification is still up), then brings
 * the order actions back into view.
 */
async function scrollEveryButtonPastTheEdges(page: Page) {
  await page.evaluate(() => {
    const watch = (window as unknown as { e2eNotifications: Watch }).e2eNotifications;
    for (const button of Array.from(document.querySelectorAll('button, a.btn'))) {
      for (const block of ['start', 'end'] as const) {
        button.scrollIntoView({ block });
        watch.check();
      }
    }
    document.querySelector('[role="group"][aria-label="Order actions"]')?.scrollIntoView({ block: 'end' });
  });
}

const watched = (page: Page) =>
  page.evaluate(() => {
    const { checks, mostAtOnce, overlaps } = (window as unknown as { e2eNotifications: Watch }).e2eNotifications;
    return { checks, mostAtOnce, overlaps };
  });

test('on a phone one notification shows at a time, never over the action buttons', async ({ page, request }) => {
  const order = await orderAt(request, 'Pending');
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, accounts.merchant);
  await page.goto(`/orders/${order.id}`);
  const actions = page.getByRole('group', { name: 'Order actions' });
  const notifications = page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem');
  await expect(actions.getByRole('button', { name: 'Confirm' })).toBeVisible();
  await watchNotifications(page);

  // Three moves in a row, each confirmed by a notification while the last one is still up. While each is shown,
  // every button of the page passes the top and the bottom of the screen, where a pinned notification would cover it.
  const steps = [
    ['Confirm', 'Order confirmed.'],
    ['Start preparing', 'The order is being prepared.'],
    ['Ready for the courier', 'The order is ready for the courier.'],
  ] as const;
  for (const [button, message] of steps) {
    await actions.getByRole('button', { name: button }).click();
    await expect(notifications).toHaveText([new RegExp(message)]);
    await scrollEveryButtonPastTheEdges(page);
  }
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/phone-notification-375.png`, fullPage: true });

  const watch = await watched(page);
  expect(watch.checks, 'times the page was looked at').toBeGreaterThan(0);
  expect(watch.mostAtOnce, 'notifications visible at once').toBe(1);
  expect(watch.overlaps, 'notifications over a button').toEqual([]);
});
