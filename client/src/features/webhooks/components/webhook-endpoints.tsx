import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { managesEndpoints, useWebhookEndpoints, type WebhookOwner } from '../api/use-webhooks';
import { CreateWebhookEndpointDialog } from './create-webhook-endpoint-dialog';
import { WebhookEndpointItem } from './webhook-endpoint-item';
import styles from './webhooks.module.css';

/**
 * Webhook endpoints of one owner: the merchant's settings and an admin's partner page manage them (add with the
 * secret shown once, edit, test, rotate, enable/disable, delete, the log with Resend); an admin's page of a merchant
 * oversees them (enable/disable, delete, the log).
 */
export function WebhookEndpoints({ owner, description }: { owner: WebhookOwner; description: string }) {
  const endpoints = useWebhookEndpoints(owner);
  const manage = managesEndpoints(owner);
  const [adding, setAdding] = useState(false);

  return (
    <Card title="Webhooks" actions={manage && <Button onClick={() => setAdding(true)}>Add endpoint</Button>}>
      <p className="muted">{description}</p>
      {endpoints.isPending ? (
        <LoadingState label="Loading endpoints…" />
      ) : endpoints.isError ? (
        <ErrorState error={endpoints.error} title="Could not load the endpoints" onRetry={() => endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <EmptyState
          title="No webhook endpoints yet"
          description={manage ? 'Add one to be told when an order is created, changes status or is assigned.' : undefined}
        />
      ) : (
        <ul className={styles.endpoints} aria-label="Webhook endpoints">
          {endpoints.data.map((endpoint) => (
            <WebhookEndpointItem key={endpoint.id} owner={owner} endpoint={endpoint} />
          ))}
        </ul>
      )}
      {adding && <CreateWebhookEndpointDialog owner={owner} onClose={() => setAdding(false)} />}
    </Card>
  );
}
