import { createContext, useContext } from 'react';
import type { OrderDto, OrderStatus } from '@/lib/api/generated';
import type { DoorPosition, QueuedChange } from './outbox-store';

export interface ChangeInput {
  order: Pick<OrderDto, 'id' | 'trackingCode' | 'status' | 'version' | 'allowedTransitions'>;
  to: OrderStatus;
  note?: string;
  reason?: string;
  recipientName?: string;
  photo?: Blob;
  signature?: Blob;
  position?: DoorPosition;
}

export interface Outbox {
  changes: QueuedChange[];
  /** Keeps the change on the device at once ("waiting to send") and sends it when it can. */
  enqueue(input: ChangeInput): Promise<QueuedChange>;
  /** Removes a refused change the courier has read. */
  dismiss(id: string): Promise<void>;
  flush(): Promise<void>;
}

export const OutboxContext = createContext<Outbox | null>(null);

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox needs the courier layout (OutboxProvider).');
  return outbox;
}
