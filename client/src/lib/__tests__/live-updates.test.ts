import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import type { TrackingDto } from '@/lib/api/generated';
import { backoff, createLiveUpdates, type LiveStatus, type OrderChangedMessage } from '@/lib/live-updates';
import { createFakeHub, type FakeHubConnection } from '@/testing/fake-hub';

const orderId = '0190b000-0000-7000-8000-00000000000a';
const otherOrderId = '0190b000-0000-7000-8000-00000000000b';

function changed(overrides: Partial<OrderChangedMessage> = {}): OrderChangedMessage {
  return {
    orderId,
    trackingCode: 'OT-7F3K9Q2M4X',
    merchantId: '0190a000-0000-7000-8000-000000000001',
    status: 'Delivered',
    previousStatus: 'InTransit',
    assignedCourierId: '0190a000-0000-7000-8000-000000000002',
    assignedPartnerId: null,
    updatedAt: '2026-11-20T15:00:00Z',
    ...overrides,
  };
}

/** A query a mounted screen would hold (an observer keeps it active), counting how often it is fetched. */
function watch(queryClient: QueryClient, queryKey: QueryKey, data: unknown = { updatedAt: '2026-11-20T14:00:00Z' }) {
  const fetches = { count: 0 };
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: async () => {
      fetches.count += 1;
      return data;
    },
    staleTime: Infinity,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { fetches, unsubscribe };
}

/** Fixed delays (0, 1 s, 2 s, 5 s …) so the tests can step through the reconnect loop. */
const delays = (attempt: number) => [0, 1_000, 2_000, 5_000][attempt] ?? 5_000;

function setup() {
  const hub = createFakeHub();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const live = createLiveUpdates({ connect: () => hub.factory({}), queryClient, retryDelay: delays, graceMs: 1_500 });
  const statuses: LiveStatus[] = [];
  live.subscribe(() => statuses.push(live.getStatus()));
  return { hub, queryClient, live, statuses };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('live updates: messages', () => {
  it('refetches the order lists, that order, its history and the analytics on orderChanged, and no other order', async () => {
    const { hub, queryClient, live } = setup();
    const lists = watch(queryClient, ['orders', 'list', { status: [] }]);
    const courierList = watch(queryClient, ['orders', 'list', 'courier', 'c1', true]);
    const detail = watch(queryClient, ['orders', 'detail', orderId]);
    const history = watch(queryClient, ['orders', 'history', orderId]);
    const otherDetail = watch(queryClient, ['orders', 'detail', otherOrderId]);
    const analytics = watch(queryClient, ['analytics', 'summary', { from: 'a', to: 'b', timeZone: 'UTC' }]);
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const before = [lists, courierList, detail, history, otherDetail, analytics].map((q) => q.fetches.count);

    hub.latest.emit('orderChanged', changed());
    await vi.advanceTimersByTimeAsync(0);

    const after = [lists, courierList, detail, history, otherDetail, analytics].map((q) => q.fetches.count);
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 1, 1, 0, 1]);
  });

  it('leaves the order alone when the cache already holds the announced state (the change was this screen’s own)', async () => {
    const { hub, queryClient, live } = setup();
    const detail = watch(queryClient, ['orders', 'detail', orderId], { updatedAt: '2026-11-20T15:00:00Z' });
    const history = watch(queryClient, ['orders', 'history', orderId], []);
    const lists = watch(queryClient, ['orders', 'list', {}]);
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const before = [detail, history, lists].map((q) => q.fetches.count);

    hub.latest.emit('orderChanged', changed());
    await vi.advanceTimersByTimeAsync(0);

    expect([detail, history, lists].map((q, i) => q.fetches.count - before[i]!)).toEqual([0, 0, 1]);
  });

  it('puts the pushed public view into the tracking query on trackingChanged, without a request', async () => {
    const { hub, queryClient, live } = setup();
    const tracking = watch(queryClient, ['tracking', 'OT-7F3K9Q2M4X'], { trackingCode: 'OT-7F3K9Q2M4X', status: 'InTransit' });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const fetchesBefore = tracking.fetches.count;
    const view: TrackingDto = {
      trackingCode: 'OT-7F3K9Q2M4X',
      status: 'Delivered',
      merchantName: 'Corner Bakery',
      createdAt: '2026-11-20T09:00:00Z',
      timeline: [{ status: 'Delivered', at: '2026-11-20T15:00:00Z' }],
    };

    hub.latest.emit('trackingChanged', view);
    await vi.advanceTimersByTimeAsync(0);

    expect(queryClient.getQueryData(['tracking', 'OT-7F3K9Q2M4X'])).toEqual(view);
    expect(tracking.fetches.count).toBe(fetchesBefore);
  });
});

describe('live updates: tracking subscriptions', () => {
  it('subscribes a followed code once connected, once however many screens follow it, and unsubscribes after the last', async () => {
    const { hub, live } = setup();
    const stopFirst = live.followTracking('ot-7f3k9q2m4x');
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.latest.invoked('SubscribeToTracking')).toEqual([['OT-7F3K9Q2M4X']]);

    const stopSecond = live.followTracking('OT-7F3K9Q2M4X');
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.latest.invoked('SubscribeToTracking')).toHaveLength(1);

    stopFirst();
    expect(hub.latest.invoked('UnsubscribeFromTracking')).toEqual([]);
    stopSecond();
    expect(hub.latest.invoked('UnsubscribeFromTracking')).toEqual([['OT-7F3K9Q2M4X']]);
  });

  it('reads the view again after subscribing, so a change between the first read and the subscription is not lost', async () => {
    const { hub, queryClient, live } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const tracking = watch(queryClient, ['tracking', 'OT-7F3K9Q2M4X'], { status: 'InTransit' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tracking.fetches.count).toBe(1);

    live.followTracking('OT-7F3K9Q2M4X');
    await vi.advanceTimersByTimeAsync(0);

    expect(hub.latest.invoked('SubscribeToTracking')).toEqual([['OT-7F3K9Q2M4X']]);
    expect(tracking.fetches.count).toBe(2);
  });
});

describe('live updates: reconnecting', () => {
  it('reconnects with backoff, re-subscribes the followed codes and refetches what is on screen', async () => {
    const { hub, queryClient, live } = setup();
    const detail = watch(queryClient, ['orders', 'detail', orderId]);
    const list = watch(queryClient, ['orders', 'list', {}]);
    const tracking = watch(queryClient, ['tracking', 'OT-7F3K9Q2M4X'], { status: 'InTransit' });
    live.followTracking('OT-7F3K9Q2M4X');
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const connection = hub.latest;
    const before = [detail, list, tracking].map((q) => q.fetches.count);

    connection.failNextStarts(2);
    connection.drop();
    await vi.advanceTimersByTimeAsync(0); // attempt 1 (immediately) fails
    await vi.advanceTimersByTimeAsync(999);
    expect(connection.starts).toBe(2); // attempt 2 waits 1 s
    await vi.advanceTimersByTimeAsync(1); // attempt 2 fails
    expect(connection.connected).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000); // attempt 3, after 2 s, succeeds
    expect(connection.starts).toBe(4);
    expect(connection.connected).toBe(true);

    // Everything the screen shows is read again: changes made while it was away were never announced to it.
    expect([detail, list, tracking].map((q, i) => q.fetches.count - before[i]!)).toEqual([1, 1, 1]);
    expect(connection.invoked('SubscribeToTracking')).toEqual([['OT-7F3K9Q2M4X'], ['OT-7F3K9Q2M4X']]);
    expect(hub.connections).toHaveLength(1);
  });

  it('keeps trying when the first start fails', async () => {
    const hub = createFakeHub();
    const queryClient = new QueryClient();
    let first = true;
    const live = createLiveUpdates({
      queryClient,
      retryDelay: delays,
      connect: () => {
        const connection = hub.factory({}) as FakeHubConnection;
        if (first) connection.failNextStarts(1);
        first = false;
        return connection;
      },
    });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.getStatus()).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(live.getStatus()).toBe('live');
  });

  it('retries at once when the browser comes back online instead of waiting out the backoff', async () => {
    const { hub, live } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    hub.latest.failNextStarts(3);
    hub.latest.drop();
    await vi.advanceTimersByTimeAsync(3_000); // attempts at 0 s, 1 s and 3 s fail; the next waits 5 s
    expect(live.getStatus()).toBe('offline');

    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);

    expect(live.getStatus()).toBe('live');
  });

  it('ends the connection when the browser goes offline instead of waiting for the socket to time out', async () => {
    const { hub, live } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const connection = hub.latest;
    connection.failNextStarts(10);

    window.dispatchEvent(new Event('offline'));
    await vi.advanceTimersByTimeAsync(3_000);

    expect(connection.connected).toBe(false);
    expect(live.getStatus()).toBe('offline');
  });

  it('stops for good: no reconnect after stop, and the connection is closed', async () => {
    const { hub, live } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    const connection = hub.latest;

    await live.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(connection.stopped).toBe(true);
    expect(connection.starts).toBe(1);
  });

  it('backs off 0 s, 1 s, 2 s, 5 s, 10 s, 20 s, then every 30 s, with at most 20 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((attempt) => backoff(attempt, () => 0))).toEqual([
      0, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 30_000,
    ]);
    expect(backoff(6, () => 0.999)).toBeLessThanOrEqual(36_000);
  });
});

describe('live updates: status', () => {
  it('goes connecting → live → reconnecting → offline → live as the connection is lost and comes back', async () => {
    const { hub, live, statuses } = setup();
    expect(live.getStatus()).toBe('connecting');
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.getStatus()).toBe('live');

    hub.latest.failNextStarts(3);
    hub.latest.drop();
    await vi.advanceTimersByTimeAsync(0); // the immediate attempt fails
    expect(live.getStatus()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(3_000); // two more fail
    expect(live.getStatus()).toBe('offline');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(live.getStatus()).toBe('live');

    expect(statuses).toEqual(['live', 'reconnecting', 'offline', 'live']);
  });

  it('does not flash "reconnecting" when a dropped connection is back within the grace period (token expiry)', async () => {
    const { hub, live, statuses } = setup();
    live.start();
    await vi.advanceTimersByTimeAsync(0);

    hub.latest.drop();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(5_000);

    expect(hub.latest.starts).toBe(2);
    expect(statuses).toEqual(['live']);
  });

  it('says reconnecting once a lost connection stays away longer than the grace period', async () => {
    const hub = createFakeHub();
    const live = createLiveUpdates({
      connect: () => hub.factory({}),
      queryClient: new QueryClient(),
      retryDelay: () => 10_000,
      graceMs: 1_500,
    });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    hub.latest.drop();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(live.getStatus()).toBe('live');
    await vi.advanceTimersByTimeAsync(1);
    expect(live.getStatus()).toBe('reconnecting');
  });
});
