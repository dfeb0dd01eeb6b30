import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AnalyticsSummary, UserDto } from '@/lib/api/generated';
import { createFakeFetch, type RecordedRequest } from '@/testing/fake-fetch';
import { merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { AnalyticsDashboard } from '../analytics-dashboard';

const adminUser: UserDto = { ...merchantUser, id: '0190a000-0000-7000-8000-000000000009', role: 'Admin', displayName: 'Ada Admin' };

function aSummary(overrides: Partial<AnalyticsSummary> = {}): AnalyticsSummary {
  return {
    from: '2026-11-01T00:00:00Z',
    to: '2026-11-04T00:00:00Z',
    timeZone: 'UTC',
    totalOrders: 12,
    statusCounts: [
      { status: 'Pending', orders: 3 },
      { status: 'Confirmed', orders: 0 },
      { status: 'InTransit', orders: 2 },
      { status: 'Delivered', orders: 6 },
      { status: 'DeliveryFailed', orders: 1 },
    ],
    ordersPerDay: [
      { date: '2026-11-01', orders: 5 },
      { date: '2026-11-02', orders: 0 },
      { date: '2026-11-03', orders: 7 },
    ],
    deliveryTime: { deliveredOrders: 6, averageMinutes: 135.4, p90Minutes: 42 },
    onTime: { deliveredWithEstimate: 4, deliveredOnTime: 3, deliveredWithoutEstimate: 2, rate: 0.75 },
    timeInStatus: [
      { status: 'Pending', orders: 9, averageMinutes: 30 },
      { status: 'Confirmed', orders: 0, averageMinutes: undefined },
      { status: 'InTransit', orders: 7, averageMinutes: 90 },
    ],
    failureReasons: [
      { reason: 'RecipientUnavailable', attempts: 2 },
      { reason: 'Other', attempts: 1 },
    ],
    topMerchants: undefined,
    ...overrides,
  };
}

function query(request: RecordedRequest) {
  return new URL(request.url, 'http://localhost').searchParams;
}

function setup(summary: AnalyticsSummary | { status: number; body: unknown }, user: UserDto = merchantUser, at = '/dashboard') {
  const network = createFakeFetch();
  network.get('/api/analytics/summary', 'status' in summary ? summary : { body: summary });
  const view = renderWithApp(<AnalyticsDashboard />, { network, session: sessionFor(user), at, path: '/dashboard' });
  return { ...view, user: userEvent.setup() };
}

/** The figure card with this label, read as label → value: its paragraphs are the label, the value and the context. */
function figure(label: string) {
  const card = screen.getByRole('listitem', { name: label });
  return within(card).getAllByRole('paragraph')[1]?.textContent;
}

/** A chart's text alternative, row by row. */
function tableRows(caption: string) {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
}

describe('AnalyticsDashboard', () => {
  it('shows the summary as figure cards', async () => {
    setup(aSummary());
    expect(await screen.findByRole('list', { name: 'Key figures' })).toBeInTheDocument();
    expect(figure('Orders')).toBe('12');
    expect(figure('Delivered')).toBe('6');
    expect(figure('Average delivery time')).toBe('2 h 15 min');
    expect(figure('90th percentile delivery time')).toBe('42 min');
    expect(figure('On time')).toBe('75%');
    expect(screen.getByRole('listitem', { name: 'On time' })).toHaveTextContent('3 of 4 deliveries with an estimate; 2 without one');
    expect(screen.getByRole('listitem', { name: 'Delivered' })).toHaveTextContent('50% of the orders');
  });

  it('gives each chart a heading and a table with the same numbers', async () => {
    setup(aSummary());
    await screen.findByRole('list', { name: 'Key figures' });
    for (const title of ['Orders per day', 'Status mix', 'Average time in status', 'Failed delivery reasons']) {
      expect(screen.getByRole('heading', { name: title, level: 2 })).toBeInTheDocument();
    }
    expect(tableRows('Orders per day')).toEqual([
      ['Nov 1', '5'],
      ['Nov 2', '0'],
      ['Nov 3', '7'],
    ]);
    // Statuses nobody is in are left out of the mix.
    expect(tableRows('Status mix')).toEqual([
      ['Order received', '3'],
      ['Out for delivery', '2'],
      ['Delivered', '6'],
      ['Delivery attempt failed', '1'],
    ]);
    // Statuses no order has left have no average.
    expect(tableRows('Average time in status')).toEqual([
      ['Order received', '30 min (9 orders)'],
      ['Out for delivery', '1 h 30 min (7 orders)'],
    ]);
    expect(tableRows('Failed delivery reasons')).toEqual([
      ['Recipient unavailable', '2 attempts'],
      ['Other', '1 attempt'],
    ]);
  });

  it('shows the top merchants to an admin and not to a merchant', async () => {
    const { unmount } = setup(
      aSummary({ topMerchants: [{ merchantId: merchantUser.id!, name: 'Corner Bakery', orders: 12, deliveredOrders: 6 }] }),
      adminUser,
    );
    await screen.findByRole('heading', { name: 'Top merchants' });
    expect(tableRows('Top merchants by orders in this range')).toEqual([['Corner Bakery', '12', '6']]);
    unmount();

    setup(aSummary());
    await screen.findByRole('list', { name: 'Key figures' });
    expect(screen.queryByRole('heading', { name: 'Top merchants' })).not.toBeInTheDocument();
  });

  it('asks for the chosen days in the browser’s time zone, end day included, and keeps them in the URL', async () => {
    const { network, router, user } = setup(aSummary(), merchantUser, '/dashboard?from=2026-11-01&to=2026-11-03');
    await screen.findByRole('list', { name: 'Key figures' });
    const first = query(network.sent('GET', '/api/analytics/summary')[0]!);
    expect(new Date(first.get('from')!).getTime()).toBe(new Date('2026-11-01T00:00:00').getTime());
    expect(new Date(first.get('to')!).getTime()).toBe(new Date('2026-11-04T00:00:00').getTime());
    expect(first.get('timeZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);

    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => expect(network.sent('GET', '/api/analytics/summary')).toHaveLength(2));
    const second = query(network.sent('GET', '/api/analytics/summary')[1]!);
    const days = (new Date(second.get('to')!).getTime() - new Date(second.get('from')!).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(router.state.location.search).toMatch(/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('refuses an end date before the start date without asking the API', async () => {
    const { network, user } = setup(aSummary(), merchantUser, '/dashboard?from=2026-11-01&to=2026-11-03');
    await screen.findByRole('list', { name: 'Key figures' });
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-10-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByText('The end date is before the start date.')).toBeInTheDocument();
    expect(network.sent('GET', '/api/analytics/summary')).toHaveLength(1);
  });

  it('says when the range has no orders', async () => {
    setup(
      aSummary({
        totalOrders: 0,
        statusCounts: [],
        ordersPerDay: [{ date: '2026-11-01', orders: 0 }],
        deliveryTime: { deliveredOrders: 0 },
        onTime: { deliveredWithEstimate: 0, deliveredOnTime: 0, deliveredWithoutEstimate: 0 },
        timeInStatus: [],
        failureReasons: [],
      }),
    );
    expect(await screen.findByText('No orders in this range')).toBeInTheDocument();
    expect(figure('Orders')).toBe('0');
    expect(figure('Average delivery time')).toBe('—');
    expect(figure('On time')).toBe('—');
    expect(screen.queryByRole('heading', { name: 'Orders per day' })).not.toBeInTheDocument();
  });

  it('says when the figures cannot be loaded', async () => {
    setup({ status: 500, body: { title: 'Server error', status: 500 } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the figures');
  });
});
