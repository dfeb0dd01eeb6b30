import { screen, within } from '@testing-library/react';
import { createFakeFetch } from '@/testing/fake-fetch';
import { renderWithApp } from '@/testing/render';
import { TrackingView } from '../tracking-view';

describe('TrackingView', () => {
  it('shows the status, the progress and the whole timeline, newest first', async () => {
    const network = createFakeFetch();
    network.get('/api/tracking/OT-7F3K9Q2M4X', {
      body: {
        trackingCode: 'OT-7F3K9Q2M4X',
        status: 'InTransit',
        merchantName: 'Corner Bakery',
        createdAt: '2026-11-20T09:00:00Z',
        estimatedDeliveryAt: '2026-11-22T12:00:00Z',
        timeline: [
          { status: 'Pending', at: '2026-11-20T09:00:00Z' },
          { status: 'Confirmed', at: '2026-11-20T09:05:00Z' },
          { status: 'Preparing', at: '2026-11-20T10:00:00Z' },
          { status: 'ReadyForPickup', at: '2026-11-20T12:00:00Z' },
          { status: 'PickedUp', at: '2026-11-20T13:00:00Z' },
          { status: 'InTransit', at: '2026-11-20T13:30:00Z' },
        ],
      },
    });
    renderWithApp(<TrackingView trackingCode="ot-7f3k9q2m4x" />, { network });

    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['In transit', 'Picked up', 'Ready for pickup', 'Preparing', 'Confirmed', 'Pending']);
    expect(screen.getByRole('heading', { name: 'In transit' })).toBeInTheDocument();
    expect(screen.getByText('Corner Bakery')).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Delivery progress' });
    expect(within(steps).getByText('In transit').closest('li')).toHaveAttribute('aria-current', 'step');
    expect(within(steps).getByText('Delivered').closest('li')).toHaveAttribute('data-state', 'todo');
    // The code is looked up as typed, upper-cased, without a token.
    expect(network.requests[0]!.headers.get('Authorization')).toBeNull();
  });

  it('says so when no parcel has the code', async () => {
    const network = createFakeFetch();
    network.get(/\/api\/tracking\//, { status: 404, body: { title: 'Not found', status: 404 } });
    renderWithApp(<TrackingView trackingCode="OT-NOPE" />, { network });
    expect(await screen.findByText('No parcel with this code')).toBeInTheDocument();
  });
});
