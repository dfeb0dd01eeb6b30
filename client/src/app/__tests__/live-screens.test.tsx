import { act, screen, waitFor, within } from '@testing-library/react';
import { AvailableOrders } from '@/features/deliveries/components/available-orders';
import { MyDeliveries } from '@/features/deliveries/components/my-deliveries';
import { OutboxProvider } from '@/features/deliveries/outbox/outbox-provider';
import { OrderDetail } from '@/features/orders/components/order-detail';
import { OrdersList } from '@/features/orders/components/orders-list';
import { TrackingView } from '@/features/tracking/components/tracking-view';
import type { OrderDto, TrackingDto } from '@/lib/api/generated';
import type { OrderChangedMessage } from '@/lib/live-updates';
import { LiveUpdatesProvider } from '@/lib/live-updates-provider';
import { createFakeFetch } from '@/testing/fake-fetch';
import { createFakeHub } from '@/testing/fake-hub';
import { anOrder, courierUser, merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';

function announce(order: OrderDto, previousStatus: OrderDto['status'] | null): OrderChangedMessage {
  return {
    orderId: order.id,
    trackingCode: order.trackingCode,
    merchantId: order.merchantId,
    status: order.status,
    previousStatus,
    assignedCourierId: order.assignedCourierId ?? null,
    assignedPartnerId: order.assignedPartnerId ?? null,
    updatedAt: order.updatedAt,
  };
}

/** The hub, connected, as the screen sees it once it has loaded. */
async function connected(hub: ReturnType<typeof createFakeHub>) {
  await waitFor(() => expect(hub.latest.connected).toBe(true));
  return hub.latest;
}

const inTransit = anOrder({ status: 'InTransit', assignedCourierId: courierUser.id, allowedTransitions: [], version: 42 });
const delivered = { ...inTransit, status: 'Delivered' as const, version: 43, updatedAt: '2026-11-20T15:00:00Z' };

describe('screens that update live, without reload', () => {
  it('the merchant’s open order page shows Delivered when the courier delivers it', async () => {
    const network = createFakeFetch();
    let current: OrderDto = inTransit;
    network.get(`/api/orders/${inTransit.id}`, () => ({ body: current }));
    network.get(`/api/orders/${inTransit.id}/history`, { body: [] });
    const { hub } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <OrderDetail orderId={inTransit.id} />
      </LiveUpdatesProvider>,
      { network, session: sessionFor(merchantUser) },
    );
    expect(await screen.findByText('Nothing for you to do on this order right now.')).toBeInTheDocument();
    const connection = await connected(hub);

    current = delivered;
    act(() => connection.emit('orderChanged', announce(delivered, 'InTransit')));

    expect(await screen.findByText('This order is closed.')).toBeInTheDocument();
    expect(network.sent('GET', `/api/orders/${inTransit.id}/history`).length).toBeGreaterThan(1);
  });

  it('the orders list shows a new order as soon as it is announced', async () => {
    const network = createFakeFetch();
    const first = anOrder({ id: '0190b000-0000-7000-8000-000000000001', trackingCode: 'OT-FIRST00001' });
    const created = anOrder({ id: '0190b000-0000-7000-8000-000000000002', trackingCode: 'OT-CREATED002' });
    let items = [first];
    network.get('/api/orders', () => ({ body: { items, nextCursor: null } }));
    const { hub } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <OrdersList />
      </LiveUpdatesProvider>,
      { network, session: sessionFor(merchantUser), at: '/orders', path: '/orders' },
    );
    const table = await screen.findByRole('table', { name: 'Orders' });
    const connection = await connected(hub);

    items = [created, first];
    act(() => connection.emit('orderChanged', announce(created, null)));

    expect(await within(table).findByRole('link', { name: 'OT-CREATED002' })).toBeInTheDocument();
  });

  it('a courier’s pickup list drops an order another courier claimed', async () => {
    const network = createFakeFetch();
    const pooled = anOrder({ id: '0190b000-0000-7000-8000-0000000000c1', trackingCode: 'OT-POOLED0001', status: 'ReadyForPickup' });
    let items = [pooled];
    network.get('/api/orders', () => ({ body: { items, nextCursor: null } }));
    const { hub } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <AvailableOrders />
      </LiveUpdatesProvider>,
      { network, session: sessionFor(courierUser), at: '/courier/available', path: '/courier/available' },
    );
    expect(await screen.findByRole('button', { name: 'Claim OT-POOLED0001' })).toBeInTheDocument();
    const connection = await connected(hub);

    const claimed = {
      ...pooled,
      assignedCourierId: '0190a000-0000-7000-8000-0000000000ff',
      version: pooled.version + 1,
      updatedAt: '2026-11-20T16:00:00Z',
    };
    items = [];
    act(() => connection.emit('orderChanged', announce(claimed, 'ReadyForPickup')));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Claim OT-POOLED0001' })).not.toBeInTheDocument());
  });

  it('a courier’s deliveries show an order an admin assigned to them', async () => {
    const network = createFakeFetch();
    const assigned = anOrder({ trackingCode: 'OT-ASSIGNED01', status: 'ReadyForPickup', assignedCourierId: courierUser.id });
    let items: OrderDto[] = [];
    network.get('/api/orders', () => ({ body: { items, nextCursor: null } }));
    const { hub } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <OutboxProvider userId={courierUser.id!}>
          <MyDeliveries />
        </OutboxProvider>
      </LiveUpdatesProvider>,
      { network, session: sessionFor(courierUser) },
    );
    expect(await screen.findByText('Nothing to deliver right now')).toBeInTheDocument();
    const connection = await connected(hub);

    items = [assigned];
    act(() => connection.emit('orderChanged', announce(assigned, 'ReadyForPickup')));

    expect(await screen.findByRole('link', { name: /OT-ASSIGNED01/ })).toBeInTheDocument();
  });

  it('the public tracking page follows its code and shows the pushed view without asking the API', async () => {
    const network = createFakeFetch();
    const view: TrackingDto = {
      trackingCode: 'OT-7F3K9Q2M4X',
      status: 'InTransit',
      merchantName: 'Corner Bakery',
      createdAt: '2026-11-20T09:00:00Z',
      timeline: [{ status: 'InTransit', at: '2026-11-20T13:30:00Z' }],
    };
    network.get('/api/tracking/OT-7F3K9Q2M4X', { body: view });
    const hub = createFakeHub();
    renderWithApp(
      <LiveUpdatesProvider>
        <TrackingView trackingCode="ot-7f3k9q2m4x" />
      </LiveUpdatesProvider>,
      { network, hub },
    );
    expect(await screen.findByRole('heading', { name: 'Out for delivery' })).toBeInTheDocument();
    const connection = await connected(hub);
    await waitFor(() => expect(connection.invoked('SubscribeToTracking')).toEqual([['OT-7F3K9Q2M4X']]));
    await waitFor(() => expect(network.sent('GET', '/api/tracking/OT-7F3K9Q2M4X')).toHaveLength(2));

    act(() =>
      connection.emit('trackingChanged', {
        ...view,
        status: 'Delivered',
        timeline: [...view.timeline!, { status: 'Delivered', at: '2026-11-20T15:00:00Z' }],
      }),
    );

    expect(await screen.findByRole('heading', { name: /^Delivered/ })).toBeInTheDocument();
    expect(network.sent('GET', '/api/tracking/OT-7F3K9Q2M4X')).toHaveLength(2);
  });

  it('the public tracking page catches up after a lost connection, with what changed while it was away', async () => {
    const network = createFakeFetch();
    let status: TrackingDto['status'] = 'InTransit';
    network.get('/api/tracking/OT-7F3K9Q2M4X', () => ({
      body: { trackingCode: 'OT-7F3K9Q2M4X', status, createdAt: '2026-11-20T09:00:00Z', timeline: [] },
    }));
    const hub = createFakeHub();
    renderWithApp(
      <LiveUpdatesProvider>
        <TrackingView trackingCode="OT-7F3K9Q2M4X" />
      </LiveUpdatesProvider>,
      { network, hub },
    );
    expect(await screen.findByRole('heading', { name: 'Out for delivery' })).toBeInTheDocument();
    const connection = await connected(hub);

    act(() => connection.drop());
    status = 'Delivered'; // announced while the page was not connected

    expect(await screen.findByRole('heading', { name: /^Delivered/ })).toBeInTheDocument();
    expect(connection.invoked('SubscribeToTracking')).toHaveLength(2);
  });
});
