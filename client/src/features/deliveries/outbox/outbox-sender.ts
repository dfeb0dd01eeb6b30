import type { QueryClient } from '@tanstack/react-query';
import type { OrderDto, OrderHistoryEntryDto } from '@/lib/api/generated';
import type { Api } from '@/lib/api-client';
import { apiCall, toApiError, type ApiError } from '@/lib/errors';
import { statusWords } from '@/lib/status-wording';
import type { OutboxStore, QueuedChange, Refusal } from './outbox-store';

type Outcome = { kind: 'sent'; order: OrderDto } | { kind: 'refused'; refusal: Refusal; order?: OrderDto } | { kind: 'later' };

/** 2 s, 4 s, 8 s… up to 5 minutes between tries, with jitter so many couriers back online do not all send at once. */
export function backoff(attempts: number): number {
  const base = Math.min(2 ** attempts * 1000, 5 * 60 * 1000);
  return base / 2 + Math.random() * (base / 2);
}

/** Answers that say nothing about the change itself: no network, a server or rate-limit hiccup, a send still running. */
function isTemporary(error: ApiError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'server' ||
    error.kind === 'rate-limited' ||
    error.kind === 'unauthenticated' ||
    (error.kind === 'conflict' && error.type?.endsWith('/idempotency-in-flight') === true)
  );
}

/**
 * Sends the outbox: oldest first, one order's changes strictly in sequence (a later change of an order waits until
 * the earlier one is answered, and takes its version for If-Match). A change the server already applied for this
 * courier (the order is at that status and this courier's entry put it there) counts as sent, whatever the answer
 * said. A refusal keeps the change on the device, marked with what happened and the order's status now, and holds
 * that order's later changes back as refused too: nothing is dropped without the courier seeing it.
 */
export function createOutboxSender({ api, queryClient, store }: { api: Api; queryClient: QueryClient; store: OutboxStore }) {
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function send(change: QueuedChange): Promise<Outcome> {
    const ifMatch = change.version === null ? undefined : `"${change.version}"`;
    try {
      const order =
        change.to === 'Delivered'
          ? await apiCall(
              api.orders.deliverWithProof(
                change.orderId,
                change.id,
                ifMatch,
                change.recipientName,
                change.note,
                change.occurredAt,
                change.position?.latitude,
                change.position?.longitude,
                change.position?.accuracy,
                change.photo ? { data: change.photo, fileName: 'photo.jpg' } : undefined,
                change.signature ? { data: change.signature, fileName: 'signature.png' } : undefined,
              ),
            )
          : await apiCall(
              api.orders.changeStatus(
                change.orderId,
                { status: change.to, note: change.note, reason: change.reason, occurredAt: change.occurredAt },
                change.id,
                ifMatch,
              ),
            );
      return { kind: 'sent', order };
    } catch (caught) {
      const error = toApiError(caught);
      if (isTemporary(error)) return { kind: 'later' };
      return explainRefusal(change, error);
    }
  }

  /** What the courier is told about a refused change, after reading the order as it is now. */
  async function explainRefusal(change: QueuedChange, error: ApiError): Promise<Outcome> {
    if (error.kind === 'not-found' || error.kind === 'forbidden') {
      return { kind: 'refused', refusal: { detail: 'Not sent: this order is no longer assigned to you.' } };
    }
    if (error.kind === 'validation') {
      const messages = Object.values(error.fieldErrors).flat();
      return { kind: 'refused', refusal: { detail: `Not sent: ${messages.length > 0 ? messages.join(' ') : error.userMessage}` } };
    }
    let order: OrderDto;
    let history: OrderHistoryEntryDto[];
    try {
      [order, history] = await Promise.all([apiCall(api.orders.get(change.orderId)), apiCall(api.orders.history(change.orderId))]);
    } catch (caught) {
      const reading = toApiError(caught);
      if (isTemporary(reading)) return { kind: 'later' };
      return { kind: 'refused', refusal: { detail: 'Not sent: this order is no longer assigned to you.' } };
    }
    const madeIt = history.findLast((entry) => entry.kind === 'StatusChange' && entry.to === change.to);
    if (order.status === change.to && madeIt?.actorId === change.userId) return { kind: 'sent', order };
    const lastChange = history.findLast((entry) => entry.kind === 'StatusChange');
    const who = lastChange?.actorId === change.userId ? 'You' : (lastChange?.actorName ?? 'Someone else');
    return {
      kind: 'refused',
      refusal: {
        detail: `Not sent: ${who} changed this order in the meantime. It is now ${statusWords[order.status].toLowerCase()}.`,
        currentStatus: order.status,
      },
      order,
    };
  }

  function sent(order: OrderDto) {
    queryClient.setQueryData(['orders', 'detail', order.id], order);
    void queryClient.invalidateQueries({ queryKey: ['orders', 'history', order.id] });
    void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
  }

  async function run(): Promise<void> {
    await store.load();
    const held = new Set<string>();
    for (const { id } of store.snapshot().filter((c) => c.state === 'waiting')) {
      // Read again: an earlier send of the same order may have handed this one its version, or refused it.
      const change = store.snapshot().find((c) => c.id === id);
      if (!change || change.state !== 'waiting') continue;
      if (held.has(change.orderId) || change.nextAttemptAt > Date.now()) {
        held.add(change.orderId);
        continue;
      }
      const outcome = await send(change);
      if (outcome.kind === 'sent') {
        await store.remove(change.id);
        const next = store.snapshot().find((c) => c.orderId === change.orderId && c.state === 'waiting');
        if (next && next.version === null) await store.put({ ...next, version: outcome.order.version });
        sent(outcome.order);
      } else if (outcome.kind === 'refused') {
        held.add(change.orderId);
        await store.put({ ...change, state: 'refused', refusal: outcome.refusal });
        for (const later of store.snapshot().filter((c) => c.orderId === change.orderId && c.state === 'waiting')) {
          await store.put({ ...later, state: 'refused', refusal: { detail: 'Not sent, because the change before it was not accepted.' } });
        }
        // The courier sees the order as it stands now, with the steps possible from there.
        if (outcome.order) queryClient.setQueryData(['orders', 'detail', outcome.order.id], outcome.order);
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
      } else {
        await store.put({ ...change, attempts: change.attempts + 1, nextAttemptAt: Date.now() + backoff(change.attempts + 1) });
        // No network or no server: the other orders' changes would fail the same way; try all again later.
        break;
      }
    }
    scheduleRetry();
  }

  function scheduleRetry() {
    clearTimeout(timer);
    const waiting = store.snapshot().filter((c) => c.state === 'waiting');
    if (waiting.length === 0) return;
    const soonest = Math.min(...waiting.map((c) => c.nextAttemptAt));
    timer = setTimeout(() => void flush(), Math.max(soonest - Date.now(), 250));
  }

  /** Sends what is waiting; a call while a send is under way returns that send. */
  function flush(): Promise<void> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    flush,
    stop: () => clearTimeout(timer),
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
