import { del, entries, set } from 'idb-keyval';
import type { OrderStatus } from '@/lib/api/generated';
import { deviceStores } from '@/lib/offline/device-store';

/** Where the courier was at the door, as the browser's Geolocation reported it. */
export interface DoorPosition {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/** Why the server did not take a change, in the courier's words, with the order as it is now when known. */
export interface Refusal {
  detail: string;
  currentStatus?: OrderStatus;
}

/**
 * One status change the courier made, kept on the device until the server has it. Its id is the Idempotency-Key,
 * so sending it again after a lost answer replays the first answer instead of recording the step twice.
 */
export interface QueuedChange {
  id: string;
  /** Order of making: changes are sent in this order, one order's changes one after the other. */
  seq: number;
  userId: string;
  orderId: string;
  trackingCode: string;
  from: OrderStatus;
  to: OrderStatus;
  /**
   * The order's version the courier saw, sent as If-Match. Null for a change made after another change of the same
   * order that is still waiting: it takes the version the earlier one's answer brings.
   */
  version: number | null;
  /** When the courier made it, by the device's clock; stored by the server and shown beside when it arrived. */
  occurredAt: string;
  note?: string;
  reason?: string;
  recipientName?: string;
  photo?: Blob;
  signature?: Blob;
  position?: DoorPosition;
  state: 'waiting' | 'refused';
  attempts: number;
  /** Epoch milliseconds before which it is not tried again (backoff after a failed send). */
  nextAttemptAt: number;
  refusal?: Refusal;
}

/** The outbox in IndexedDB, with an in-memory copy that screens subscribe to. Survives reloads and the app closing. */
export function createOutboxStore() {
  let changes: QueuedChange[] = [];
  let loaded: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const store = () => deviceStores().outbox;

  function replace(next: QueuedChange[]) {
    changes = [...next].sort((a, b) => a.seq - b.seq);
    notify();
  }

  return {
    load(): Promise<void> {
      loaded ??= entries<string, QueuedChange>(store()).then((found) => replace(found.map(([, change]) => change)));
      return loaded;
    },
    snapshot: (): QueuedChange[] => changes,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    nextSeq: (): number => Math.max(Date.now(), ...changes.map((c) => c.seq + 1)),
    async put(change: QueuedChange): Promise<void> {
      await set(change.id, change, store());
      replace([...changes.filter((c) => c.id !== change.id), change]);
    },
    async remove(id: string): Promise<void> {
      await del(id, store());
      replace(changes.filter((c) => c.id !== id));
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
