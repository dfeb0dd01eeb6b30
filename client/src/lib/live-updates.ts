import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ArrivalWindowDto, CourierPositionDto, OrderStatus, TrackingDto } from './api/generated';
import type { HubConnectionLike } from './hub-connection';

/** `orderChanged` from the hub (src/WebApi/Hubs/OrderChangedMessage.cs): which order changed and where it stands. */
export interface OrderChangedMessage {
  orderId: string;
  trackingCode: string;
  merchantId: string;
  status: OrderStatus;
  previousStatus?: OrderStatus | null;
  assignedCourierId?: string | null;
  assignedPartnerId?: string | null;
  /** The order's `updatedAt` after this change: a client already holding it has this state. */
  updatedAt: string;
}

/**
 * `courierPosition` from the hub (src/WebApi/LiveMap/SignalRCourierPositionNotifier.cs): where the courier carrying an
 * order is now. A tracking page hears the code, the position and the new arrival window; the merchant's and the
 * admins' connections hear the order's id and the position.
 */
export interface CourierPositionMessage {
  trackingCode: string;
  orderId?: string;
  position: CourierPositionDto;
  arrival?: ArrivalWindowDto | null;
}

/**
 * What the indicator shows: `connecting` before the first connection, `live` while connected, `reconnecting`
 * while a lost connection is being restored, `offline` after several failed attempts (it keeps trying).
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The query keys live updates touch. The features own their keys (features/orders/api/order-keys.ts,
 * features/tracking/api/use-tracking.ts, features/analytics/api/analytics-keys.ts) and start them with these; a test
 * in src/app holds the two together.
 */
export const liveQueryKeys = {
  analytics: ['analytics'] as const,
  orders: ['orders'] as const,
  orderLists: ['orders', 'list'] as const,
  orderDetail: (orderId: string) => ['orders', 'detail', orderId] as const,
  orderHistory: (orderId: string) => ['orders', 'history', orderId] as const,
  courierPosition: (orderId: string) => ['orders', 'courier-position', orderId] as const,
  tracking: ['tracking'] as const,
  trackingCode: (trackingCode: string) => ['tracking', normaliseCode(trackingCode)] as const,
};

export interface LiveUpdatesOptions {
  /** Opens a new hub connection; called on every start (a stopped manager can start again). */
  connect: () => HubConnectionLike;
  queryClient: QueryClient;
  /** Milliseconds before reconnect attempt `attempt` (0 = the first attempt after a loss). */
  retryDelay?: (attempt: number) => number;
  /** Consecutive failed attempts after which the status says `offline`. */
  offlineAfter?: number;
  /** A dropped connection that is back within this time never shows `reconnecting` (token expiry, deploys). */
  graceMs?: number;
}

export interface LiveUpdates {
  start(): void;
  stop(): Promise<void>;
  getStatus(): LiveStatus;
  subscribe(listener: () => void): () => void;
  /** Receives `trackingChanged` for one tracking code until the returned function is called. */
  followTracking(trackingCode: string): () => void;
}

const retryDelays = [0, 1_000, 2_000, 5_000, 10_000, 20_000];

/** 0 s, 1 s, 2 s, 5 s, 10 s, 20 s, then every 30 s, each with up to 20 % jitter so a restarted server is not stampeded. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const base = retryDelays[attempt] ?? 30_000;
  return Math.round(base * (1 + 0.2 * random()));
}

function normaliseCode(trackingCode: string): string {
  return trackingCode.trim().toUpperCase();
}

/**
 * One live-update connection and what it keeps true: it reconnects with backoff for as long as it is started, and
 * after every (re)connection re-subscribes the followed tracking codes and refetches what is on screen, so nothing
 * missed while offline stays missing. `orderChanged` refetches the order lists, that order and the analytics; `trackingChanged`
 * replaces the tracking view. Only active queries refetch; the others are marked stale.
 */
export function createLiveUpdates({
  connect,
  queryClient,
  retryDelay = backoff,
  offlineAfter = 3,
  graceMs = 1_500,
}: LiveUpdatesOptions): LiveUpdates {
  let status: LiveStatus = 'connecting';
  const listeners = new Set<() => void>();
  const followed = new Map<string, number>();
  let connection: HubConnectionLike | null = null;
  let connected = false;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  function setStatus(next: LiveStatus) {
    if (next === status) return;
    status = next;
    listeners.forEach((listener) => listener());
  }

  function clearTimers() {
    clearTimeout(retryTimer);
    clearTimeout(graceTimer);
    retryTimer = graceTimer = undefined;
  }

  function onOrderChanged(message: OrderChangedMessage) {
    void queryClient.invalidateQueries({ queryKey: liveQueryKeys.orderLists });
    // Any change can move a figure (counts, times, rates), whoever made it.
    void queryClient.invalidateQueries({ queryKey: liveQueryKeys.analytics });
    // The person who made the change already holds this state (the mutation put the answer in the cache).
    const cached = queryClient.getQueryData<{ updatedAt?: string }>(liveQueryKeys.orderDetail(message.orderId));
    if (cached?.updatedAt !== message.updatedAt) {
      void queryClient.invalidateQueries({ queryKey: liveQueryKeys.orderDetail(message.orderId) });
      void queryClient.invalidateQueries({ queryKey: liveQueryKeys.orderHistory(message.orderId) });
    }
    if (message.trackingCode) void queryClient.invalidateQueries({ queryKey: liveQueryKeys.trackingCode(message.trackingCode) });
  }

  async function onTrackingChanged(view: TrackingDto) {
    if (!view?.trackingCode) return;
    const key = liveQueryKeys.trackingCode(view.trackingCode);
    // A fetch still under way may have read the order before this change; the pushed view is the newer one.
    await queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, view);
  }

  /** The position replaces what the page shows; nothing is fetched (it arrives every few seconds while out for delivery). */
  function onCourierPosition(message: CourierPositionMessage) {
    if (!message?.position || !message.trackingCode) return;
    if (message.orderId) {
      queryClient.setQueryData(liveQueryKeys.courierPosition(message.orderId), { position: message.position });
      return;
    }
    queryClient.setQueryData<TrackingDto>(liveQueryKeys.trackingCode(message.trackingCode), (view) =>
      view && view.status === 'InTransit' ? { ...view, courierPosition: message.position, arrival: message.arrival ?? view.arrival } : view,
    );
  }

  async function subscribeTracking(current: HubConnectionLike, code: string) {
    try {
      await current.invoke('SubscribeToTracking', code);
    } catch {
      // A malformed code is refused; the page already says that no parcel has it.
    }
  }

  /**
   * Reads these queries again. A fetch still under way started before the subscription, so it may have read the
   * order before a change that was never announced here: it is cancelled and started again, not joined.
   */
  async function readAgain(keys: QueryKey[]) {
    await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }

  async function attempt() {
    retryTimer = undefined;
    const current = connection;
    if (!current) return;
    try {
      await current.start();
    } catch {
      if (connection !== current) return;
      failedAttempts += 1;
      if (failedAttempts >= offlineAfter) setStatus('offline');
      else if (status === 'live') {
        clearTimeout(graceTimer);
        setStatus('reconnecting');
      }
      retryTimer = setTimeout(attempt, retryDelay(failedAttempts));
      return;
    }
    if (connection !== current) return;
    connected = true;
    failedAttempts = 0;
    clearTimeout(graceTimer);
    setStatus('live');
    // Whatever changed before this connection joined its groups was never announced to it: read it now.
    await Promise.all([...followed.keys()].map((code) => subscribeTracking(current, code)));
    await readAgain([liveQueryKeys.orders, liveQueryKeys.tracking, liveQueryKeys.analytics]);
  }

  function onClose() {
    connected = false;
    if (!connection) return;
    failedAttempts = 0;
    if (status === 'live') graceTimer = setTimeout(() => setStatus('reconnecting'), graceMs);
    retryTimer = setTimeout(attempt, retryDelay(0));
  }

  function onOnline() {
    // The browser says the network is back: try now instead of waiting out the backoff.
    if (connection && !connected && retryTimer !== undefined) {
      clearTimeout(retryTimer);
      void attempt();
    }
  }

  function onOffline() {
    // The browser says the network is gone: a WebSocket can take half a minute to notice, so end it now and let
    // the reconnect loop say so (and catch up once the browser is back online).
    if (connection && connected) void connection.stop().catch(() => undefined);
  }

  return {
    start() {
      if (connection) return;
      const current = connect();
      connection = current;
      current.on('orderChanged', (message: OrderChangedMessage) => onOrderChanged(message));
      current.on('trackingChanged', (view: TrackingDto) => void onTrackingChanged(view));
      current.on('courierPosition', (message: CourierPositionMessage) => onCourierPosition(message));
      current.onclose(() => {
        if (connection === current) onClose();
      });
      if (typeof window !== 'undefined') {
        window.addEventListener('online', onOnline);
        window.addEventListener('offline', onOffline);
      }
      setStatus('connecting');
      void attempt();
    },
    async stop() {
      const current = connection;
      connection = null;
      connected = false;
      clearTimers();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      await current?.stop().catch(() => undefined);
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    followTracking(trackingCode) {
      const code = normaliseCode(trackingCode);
      const count = followed.get(code) ?? 0;
      followed.set(code, count + 1);
      if (count === 0 && connected && connection) {
        const current = connection;
        void subscribeTracking(current, code).then(() => readAgain([liveQueryKeys.trackingCode(code)]));
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const left = (followed.get(code) ?? 1) - 1;
        if (left > 0) {
          followed.set(code, left);
          return;
        }
        followed.delete(code);
        if (connected && connection) void connection.invoke('UnsubscribeFromTracking', code).catch(() => undefined);
      };
    },
  };
}
