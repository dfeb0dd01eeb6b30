import type { OrderDto, OrderStatus } from '@/lib/api/generated';
import type { QueuedChange } from './outbox-store';

/**
 * A courier's next steps after a step it made offline. The server's allowedTransitions decide every step it
 * answered for; while a change waits on the device there is no answer yet, so the app assumes the step was taken
 * and offers what the lifecycle offers a courier next. The server still checks every change when it arrives.
 */
const nextCourierSteps: Partial<Record<OrderStatus, OrderStatus[]>> = {
  ReadyForPickup: ['PickedUp'],
  PickedUp: ['InTransit'],
  InTransit: ['Delivered', 'DeliveryFailed'],
  DeliveryFailed: ['InTransit', 'Returned'],
};

/** The order as the courier left it: its status after the changes still waiting, and the steps possible from there. */
export function expectedState(order: Pick<OrderDto, 'id' | 'status' | 'allowedTransitions'>, queue: QueuedChange[]) {
  const waiting = queue.filter((c) => c.orderId === order.id && c.state === 'waiting');
  const last = waiting.at(-1);
  return last
    ? { status: last.to, nextSteps: nextCourierSteps[last.to] ?? [], waiting }
    : { status: order.status, nextSteps: order.allowedTransitions, waiting };
}
