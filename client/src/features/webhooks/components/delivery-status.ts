import type { WebhookDeliveryDto, WebhookDeliveryStatus } from '@/lib/api/generated';
import type { StatusTone } from '@/lib/order-status';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const tones: Record<WebhookDeliveryStatus, StatusTone> = { Pending: 'warning', Delivered: 'success', Failed: 'danger' };

type DeliveryState = Pick<WebhookDeliveryDto, 'status' | 'attemptCount' | 'nextAttemptAt'>;

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * What a delivery's status reads as: "Retrying at 14:05" (the viewer's clock; with the date when that is not today)
 * once an attempt failed and the next is due.
 */
export function deliveryStatusLabel(delivery: DeliveryState, now: Date = new Date()): string {
  if (delivery.status === 'Pending' && (delivery.attemptCount ?? 0) > 0 && delivery.nextAttemptAt) {
    const next = new Date(delivery.nextAttemptAt);
    if (!Number.isNaN(next.getTime())) return `Retrying at ${(sameDay(next, now) ? timeOfDay : dayAndTime).format(next)}`;
  }
  return delivery.status ?? '—';
}

export function deliveryStatusTone(delivery: Pick<WebhookDeliveryDto, 'status'>): StatusTone {
  return delivery.status ? tones[delivery.status] : 'neutral';
}
