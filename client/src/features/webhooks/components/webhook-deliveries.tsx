import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import type { WebhookDeliveryDto, WebhookDeliveryStatus } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import type { StatusTone } from '@/lib/order-status';
import { useResendWebhookDelivery, useWebhookDeliveries } from '../api/use-webhooks';
import { deliveryStatusLabel } from './delivery-status';

const statusTones: Record<WebhookDeliveryStatus, StatusTone> = { Pending: 'warning', Delivered: 'success', Failed: 'danger' };

function outcome(delivery: WebhookDeliveryDto): string {
  if (delivery.status === 'Delivered') return `Answered ${delivery.lastStatusCode}`;
  return delivery.lastError ?? 'Not tried yet';
}

/** The delivery log of one endpoint: latest deliveries first, each with its latest attempt and a Resend action. */
export function WebhookDeliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  const resend = useResendWebhookDelivery(endpointId);

  if (deliveries.isPending) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.isError)
    return <ErrorState error={deliveries.error} title="Could not load the delivery log" onRetry={() => deliveries.refetch()} />;
  if (deliveries.data.length === 0)
    return <EmptyState title="No deliveries yet" description="They appear here as soon as one of your orders changes." />;

  return (
    <div className="table-wrap" role="region" aria-label={`Delivery log of ${url}`} tabIndex={0}>
      <table className="table table--stack">
        <caption className="visually-hidden">Delivery log of {url}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">Duration</th>
            <th scope="col">Attempts</th>
            <th scope="col">Next retry</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((delivery) => (
            <tr key={delivery.id}>
              <td data-label="Time">{formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt)}</td>
              <td data-label="Event">
                <code>{delivery.eventType}</code>
                <div className="small muted">{delivery.eventId}</div>
              </td>
              <td data-label="Status">
                <Badge tone={delivery.status ? statusTones[delivery.status] : 'neutral'}>{deliveryStatusLabel(delivery)}</Badge>
              </td>
              <td data-label="Outcome">{outcome(delivery)}</td>
              <td data-label="Duration">{delivery.lastDurationMs != null ? `${delivery.lastDurationMs} ms` : '—'}</td>
              <td data-label="Attempts">{delivery.attemptCount}</td>
              <td data-label="Next retry">{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}</td>
              <td>
                {delivery.status !== 'Pending' && (
                  <Button
                    variant="ghost"
                    loading={resend.isPending && resend.variables === delivery.id}
                    onClick={() => resend.mutate(delivery.id!)}
                    aria-label={`Resend ${delivery.eventType} ${delivery.eventId}`}
                  >
                    Resend
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
