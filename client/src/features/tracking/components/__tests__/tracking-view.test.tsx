import { fireEvent, screen, within } from '@testing-library/react';
import type { TrackingDto } from '@/lib/api/generated';
import { createFakeFetch } from '@/testing/fake-fetch';
import { renderWithApp } from '@/testing/render';
import { customerStatusLabels, trackingHeadline, type PublicTracking } from '../../utils/customer-wording';
import { TrackingView } from '../tracking-view';

const onTheWay: TrackingDto = {
  trackingCode: 'OT-7F3K9Q2M4X',
  status: 'InTransit',
  merchantName: 'Corner Bakery',
  createdAt: '2026-11-20T09:00:00Z',
  estimatedDeliveryAt: '2036-11-23T12:00:00Z',
  timeline: [
    { status: 'Pending', at: '2026-11-20T09:00:00Z' },
    { status: 'Confirmed', at: '2026-11-20T09:05:00Z' },
    { status: 'Preparing', at: '2026-11-20T10:00:00Z' },
    { status: 'ReadyForPickup', at: '2026-11-20T12:00:00Z' },
    { status: 'PickedUp', at: '2026-11-20T13:00:00Z' },
    { status: 'InTransit', at: '2026-11-20T13:30:00Z' },
  ],
};

function parcel(overrides: Partial<PublicTracking>): PublicTracking {
  return { ...onTheWay, ...overrides };
}

function show(body: PublicTracking) {
  const network = createFakeFetch();
  network.get('/api/tracking/OT-7F3K9Q2M4X', { body });
  renderWithApp(<TrackingView trackingCode="ot-7f3k9q2m4x" />, { network });
  return network;
}

const internalNames = ['InTransit', 'ReadyForPickup', 'PickedUp', 'DeliveryFailed', 'In transit', 'Ready for pickup', 'Not yet known'];

function expectNoInternalNames() {
  for (const name of internalNames) expect(document.body).not.toHaveTextContent(name);
}

describe('TrackingView', () => {
  it('speaks the customer’s words: the status, the estimate while open, the progress and the timeline newest first', async () => {
    const network = show(onTheWay);

    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Out for delivery', 'With the courier', 'Ready for the courier', 'Being prepared', 'Order confirmed', 'Order received']);
    expect(screen.getByRole('heading', { name: 'Out for delivery' })).toBeInTheDocument();
    expect(screen.getByText(/^Estimated delivery: Sunday.*23.* at /)).toBeInTheDocument();
    // The merchant leads the page.
    expect(screen.getByRole('heading', { level: 1, name: 'Corner Bakery' })).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Delivery progress' });
    expect(within(steps).getByText('Out for delivery').closest('li')).toHaveAttribute('aria-current', 'step');
    expect(within(steps).getByText('Delivered').closest('li')).toHaveAttribute('data-state', 'todo');
    expectNoInternalNames();
    // The code is looked up as typed, upper-cased, without a token.
    expect(network.requests[0]!.headers.get('Authorization')).toBeNull();
  });

  it('leads with the delivery time of a delivered parcel and shows no estimate', async () => {
    show(
      parcel({
        status: 'Delivered',
        timeline: [...onTheWay.timeline!, { status: 'Delivered', at: '2026-11-21T14:05:00Z' }],
      }),
    );

    expect(await screen.findByRole('heading', { name: /^Delivered on Saturday.*21.* at / })).toBeInTheDocument();
    expect(screen.queryByText(/Estimated delivery/)).not.toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Delivery progress' });
    expect(within(steps).getByText('Delivered').closest('li')).toHaveAttribute('aria-current', 'step');
  });

  it('says why an attempt failed, in the customer’s terms, and what happens next; the steps show the failure', async () => {
    show(
      parcel({
        status: 'DeliveryFailed',
        timeline: [...onTheWay.timeline!, { status: 'DeliveryFailed', at: '2026-11-21T14:05:00Z', failureReason: 'RecipientUnavailable' }],
      }),
    );

    expect(await screen.findByRole('heading', { name: /^We could not deliver your parcel on Saturday.*21/ })).toBeInTheDocument();
    expect(screen.getAllByText('Nobody was available to receive the parcel.')).toHaveLength(2);
    expect(screen.getByText(/The courier will try again, or the parcel will go back to Corner Bakery/)).toBeInTheDocument();
    expect(screen.queryByText(/Estimated delivery/)).not.toBeInTheDocument();
    const steps = within(screen.getByRole('list', { name: 'Delivery progress' }));
    expect(steps.getByText('Delivery attempt failed').closest('li')).toHaveAttribute('data-state', 'stopped');
    expect(steps.getByText('Delivered').closest('li')).toHaveAttribute('data-state', 'todo');
    expectNoInternalNames();
  });

  it('shows a cancelled parcel as cancelled, with no estimate and no steps it will never reach', async () => {
    show(
      parcel({
        status: 'Cancelled',
        timeline: [
          { status: 'Pending', at: '2026-11-20T09:00:00Z' },
          { status: 'Confirmed', at: '2026-11-20T09:05:00Z' },
          { status: 'Cancelled', at: '2026-11-20T11:00:00Z' },
        ],
      }),
    );

    expect(await screen.findByRole('heading', { name: 'This order was cancelled' })).toBeInTheDocument();
    expect(screen.getByText(/Corner Bakery cancelled it on Friday.*20.*; it will not be delivered/)).toBeInTheDocument();
    expect(screen.queryByText(/Estimated delivery/)).not.toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Delivery progress' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => [li.textContent, li.dataset.state]),
    ).toEqual([
      ['Order received (done)', 'done'],
      ['Order confirmed (done)', 'done'],
      ['Cancelled', 'stopped'],
    ]);
  });

  it('shows a returned parcel with the failed attempt before it, and the sender’s public contact when the API sends it', async () => {
    show(
      parcel({
        status: 'Returned',
        sender: { businessName: 'Corner Bakery Ltd', phone: '+44 20 7946 0000', email: 'hello@corner.example' },
        timeline: [
          ...onTheWay.timeline!,
          { status: 'DeliveryFailed', at: '2026-11-21T14:05:00Z', failureReason: 'AddressNotFound' },
          { status: 'Returned', at: '2026-11-22T09:00:00Z' },
        ],
      }),
    );

    expect(await screen.findByRole('heading', { name: 'Returned to the sender' })).toBeInTheDocument();
    expect(screen.queryByText(/Estimated delivery/)).not.toBeInTheDocument();
    const steps = within(screen.getByRole('list', { name: 'Delivery progress' }));
    expect(steps.getByText('Returned to the sender').closest('li')).toHaveAttribute('data-state', 'stopped');
    expect(steps.getByText('Delivery attempt failed').closest('li')).toHaveAttribute('data-state', 'done');
    expect(steps.queryByText('Delivered')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+44 20 7946 0000' })).toHaveAttribute('href', 'tel:+442079460000');
    expect(screen.getByRole('link', { name: 'hello@corner.example' })).toHaveAttribute('href', 'mailto:hello@corner.example');
    expect(screen.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeInTheDocument();
  });

  it('leads with the merchant’s https logo above its name; without one, or for a logo that fails, the name alone', async () => {
    show(parcel({ sender: { businessName: 'Corner Bakery Ltd', logoUrl: 'https://corner.example/logo.png' } }));

    const logo = await screen.findByRole('img', { name: 'Corner Bakery Ltd logo' });
    expect(logo).toHaveAttribute('src', 'https://corner.example/logo.png');
    // The tracking code is in the page's address: the merchant's host is not told it.
    expect(logo).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(screen.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeInTheDocument();

    fireEvent.error(logo);
    expect(screen.queryByRole('img', { name: 'Corner Bakery Ltd logo' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeInTheDocument();
  });

  it('draws no logo that is not https, which the page’s policy would block anyway', async () => {
    show(parcel({ sender: { businessName: 'Corner Bakery Ltd', logoUrl: 'http://corner.example/logo.png' } }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Corner Bakery Ltd' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says so when no parcel has the code', async () => {
    const network = createFakeFetch();
    network.get(/\/api\/tracking\//, { status: 404, body: { title: 'Not found', status: 404 } });
    renderWithApp(<TrackingView trackingCode="OT-NOPE" />, { network });
    expect(await screen.findByText('No parcel with this code')).toBeInTheDocument();
  });
});

describe('trackingHeadline', () => {
  it('writes times in the viewer’s time zone', () => {
    const delivered = parcel({ status: 'Delivered', timeline: [{ status: 'Delivered', at: '2026-11-21T23:30:00Z' }] });

    expect(trackingHeadline(delivered, { timeZone: 'Europe/London', locale: 'en-GB' }).title).toBe(
      'Delivered on Saturday 21 November at 23:30 GMT',
    );
    expect(trackingHeadline(delivered, { timeZone: 'Europe/Berlin', locale: 'en-GB' }).title).toBe(
      'Delivered on Sunday 22 November at 00:30 CET',
    );
  });

  it('writes the hour as the viewer’s language does, without a zero before a 12-hour clock’s hour', () => {
    const delivered = parcel({ status: 'Delivered', timeline: [{ status: 'Delivered', at: '2026-11-30T03:59:00Z' }] });

    expect(trackingHeadline(delivered, { timeZone: 'UTC', locale: 'en-US' }).title).toBe('Delivered on Monday, November 30 at 3:59 AM UTC');
    expect(trackingHeadline(delivered, { timeZone: 'UTC', locale: 'en-GB' }).title).toBe('Delivered on Monday 30 November at 03:59 UTC');
  });

  it('has customer wording for every status', () => {
    for (const [status, label] of Object.entries(customerStatusLabels)) expect(label, status).not.toMatch(/[a-z][A-Z]/);
  });

  it('says "Running late" with the new window once the estimate has passed, never the past date', async () => {
    show(parcel({ estimatedDeliveryAt: '2026-11-22T12:00:00Z' }));
    expect(await screen.findByRole('heading', { name: 'Running late' })).toBeInTheDocument();
    expect(screen.queryByText(/Estimated delivery/)).not.toBeInTheDocument();

    const late = trackingHeadline(
      parcel({ arrival: { isLate: true, basis: 'History', from: '2026-12-06T14:10:00Z', to: '2026-12-06T14:30:00Z' } }),
      { timeZone: 'UTC', locale: 'en-GB', now: new Date('2026-12-06T13:50:00Z') },
    );
    expect(late.title).toBe('Running late');
    expect(late.details.join(' ')).toMatch(/Now arriving today, 14:10\s*[–-]\s*14:30/);
  });

  it('shows the arrival window while the parcel is on its way, and the Live badge only while it can change', async () => {
    const onTime = trackingHeadline(
      parcel({ arrival: { isLate: false, basis: 'CourierPosition', from: '2026-12-06T14:10:00Z', to: '2026-12-06T14:30:00Z' } }),
      { timeZone: 'UTC', locale: 'en-GB', now: new Date('2026-12-06T13:50:00Z') },
    );
    expect(onTime.details.join(' ')).toMatch(/^Arriving today, 14:10\s*[–-]\s*14:30/);

    show(parcel({ status: 'Delivered', timeline: [...onTheWay.timeline!, { status: 'Delivered', at: '2026-11-20T15:00:00Z' }] }));
    await screen.findByRole('heading', { name: /^Delivered on/ });
    expect(screen.queryByRole('status', { name: 'Live updates' })).not.toBeInTheDocument();
  });

  it('lists what is in the parcel, with prices only when the merchant sends them', async () => {
    show(parcel({ items: [{ name: 'Sourdough', quantity: 2 }], total: undefined }));
    expect(await screen.findByText('2 × Sourdough')).toBeInTheDocument();
    expect(screen.queryByText('Total')).not.toBeInTheDocument();
  });
});

describe('refetchAtWindowEnd', () => {
  it('reads the view again as its window ends, never sooner than 15 s and never later than 10 minutes', async () => {
    const { refetchAtWindowEnd } = await import('../../api/use-tracking');
    const now = Date.parse('2026-12-06T14:00:00Z');
    const arrival = (to: string) => ({ arrival: { isLate: false, basis: 'History' as const, from: to, to } });
    expect(refetchAtWindowEnd(arrival('2026-12-06T14:05:00Z'), now)).toBe(301_000);
    expect(refetchAtWindowEnd(arrival('2026-12-06T14:00:01Z'), now)).toBe(15_000);
    expect(refetchAtWindowEnd(arrival('2030-01-02T10:30:00Z'), now)).toBe(600_000);
    expect(refetchAtWindowEnd({}, now)).toBe(false);
  });
});
