import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import type { WebhookDeliveryDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useResendWebhookDelivery, useWebhookDeliveries } from '../api/use-webhooks';
import { deliveryStatusLabel, deliveryStatusTone } from './delivery-status';
import { WebhookDeliveryDialog } from './webhook-delivery-dialog';
import tableStyles from '@/components/ui/table.module.css';

function outcome(delivery: WebhookDeliveryDto): string {
  const took = delivery.lastDurationMs != null ? ` in ${delivery.lastDurationMs} ms` : '';
  if (delivery.status === 'Delivered') return `Answered ${delivery.lastStatusCode}${took}`;
  return delivery.lastError ?? 'Not tried yet';
}

/**
 * The delivery log of one endpoint: latest deliveries first, each with its latest attempt, a Details view of every
 * attempt's request and answer, and (for whoever manages the endpoint) Resend.
 */
export function WebhookDeliveries({ endpointId, url, manage }: { endpointId: string; url: string; manage: boolean }) {
  const deliveries = useWebhookDeliveries(endpointId);
  const resend = useResendWebhookDelivery(endpointId);
  const [opened, setOpened] = useState<string | null>(null);

  if (deliveries.isPending) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.isError)
    return <ErrorState error={deliveries.error} title="Could not load the delivery log" onRetry={() => deliveries.refetch()} />;
  if (deliveries.data.length === 0)
    return <EmptyState title="No deliveries yet" description="They appear here as soon as an order changes or a test event is sent." />;

  return (
    <>
      {resend.error && <Alert tone="danger">{toApiError(resend.error).userMessage}</Alert>}
      <div className={tableStyles.wrap} role="region" aria-label={`Delivery log of ${url}`} tabIndex={0}>
        <table className={`${tableStyles.table} ${tableStyles.stack}`}>
          <caption className="visually-hidden">Delivery log of {url}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Outcome</th>
              <th scope="col">Attempts</th>
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
                </td>
                <td data-label="Status">
                  <Badge tone={deliveryStatusTone(delivery)}>{deliveryStatusLabel(delivery)}</Badge>
                </td>
                <td data-label="Outcome">{outcome(delivery)}</td>
                <td data-label="Attempts">{delivery.attemptCount}</td>
                <td>
                  <div className="row">
                    <Button
                      variant="ghost"
                      onClick={() => setOpened(delivery.id!)}
                      aria-label={`Details of ${delivery.eventType} ${delivery.eventId}`}
                    >
                      Details
                    </Button>
                    {manage && delivery.status !== 'Pending' && (
                      <Button
                        variant="ghost"
                        loading={resend.isPending && resend.variables === delivery.id}
                        onClick={() => resend.mutate(delivery.id!)}
                        aria-label={`Resend ${delivery.eventType} ${delivery.eventId}`}
                      >
                        Resend
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {opened && <WebhookDeliveryDialog endpointId={endpointId} deliveryId={opened} onClose={() => setOpened(null)} />}
    </>
  );
}
