import type { WebhookDeliveryDto } from '@/lib/api/generated';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** What a delivery's status reads as: "Retrying at 14:05" (the viewer's clock) once an attempt failed and the next is due. */
export function deliveryStatusLabel(delivery: Pick<WebhookDeliveryDto, 'status' | 'attemptCount' | 'nextAttemptAt'>): string {
  if (delivery.status === 'Pending' && (delivery.attemptCount ?? 0) > 0 && delivery.nextAttemptAt) {
    const next = new Date(delivery.nextAttemptAt);
    if (!Number.isNaN(next.getTime())) return `Retrying at ${timeOfDay.format(next)}`;
  }
  return delivery.status ?? '—';
}
