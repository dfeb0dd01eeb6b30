import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useApi } from '@/lib/api-context';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { expectedState } from './courier-steps';
import { OutboxContext, type ChangeInput, type Outbox } from './outbox-context';
import { createOutboxSender } from './outbox-sender';
import { createOutboxStore } from './outbox-store';

/** The tag the service worker's Background Sync hands back to an open page (public/outbox-sync-sw.js). */
const syncTag = 'courier-outbox';

/** Asks the browser to wake the app when the network returns, where it has Background Sync (Chromium). */
function requestBackgroundSync() {
  void navigator.serviceWorker?.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(syncTag),
    )
    .catch(() => undefined);
}

/**
 * The courier's outbox for the screens below: loads it from the device, sends it on start, when the browser comes
 * back online, when the service worker's Background Sync fires, and on its own backoff schedule.
 */
export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [store] = useState(createOutboxStore);
  const [sender] = useState(() => createOutboxSender({ api, queryClient, store }));
  const changes = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);

  useEffect(() => {
    void sender.flush();
    const online = () => void sender.flush();
    const fromWorker = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== 'courier-outbox-sync') return;
      void sender.flush().finally(() => event.ports[0]?.postMessage('done'));
    };
    window.addEventListener('online', online);
    navigator.serviceWorker?.addEventListener('message', fromWorker);
    return () => {
      window.removeEventListener('online', online);
      navigator.serviceWorker?.removeEventListener('message', fromWorker);
      sender.stop();
    };
  }, [sender]);

  const outbox = useMemo<Outbox>(
    () => ({
      changes,
      async enqueue({ order, to, ...details }: ChangeInput) {
        await store.load();
        const expected = expectedState(order, store.snapshot());
        const change = {
          ...details,
          id: newIdempotencyKey(),
          seq: store.nextSeq(),
          userId,
          orderId: order.id,
          trackingCode: order.trackingCode,
          from: expected.status,
          to,
          version: expected.waiting.length > 0 ? null : order.version,
          occurredAt: new Date().toISOString(),
          state: 'waiting' as const,
          attempts: 0,
          nextAttemptAt: 0,
        };
        await store.put(change);
        requestBackgroundSync();
        void sender.flush();
        return change;
      },
      dismiss: (id) => store.remove(id),
      flush: () => sender.flush(),
    }),
    [changes, store, sender, userId],
  );

  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}
