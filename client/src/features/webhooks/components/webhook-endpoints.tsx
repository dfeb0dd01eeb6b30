import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import {
  useRotateWebhookSecret,
  useUpdateWebhookEndpoint,
  useWebhookEndpoints,
  webhookEventLabels,
  type WebhookOwner,
} from '../api/use-webhooks';
import { CreateWebhookEndpointDialog } from './create-webhook-endpoint-dialog';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookSecretDialog } from './webhook-secret-dialog';

/**
 * Webhook endpoints of one owner (the merchant's settings, or an admin's partner page): list, add (secret shown
 * once), enable/disable, rotate the secret, and each endpoint's delivery log with Resend.
 */
export function WebhookEndpoints({ owner, description }: { owner: WebhookOwner; description: string }) {
  const endpoints = useWebhookEndpoints(owner);
  const update = useUpdateWebhookEndpoint(owner);
  const rotate = useRotateWebhookSecret(owner);
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<string | null>(null);

  return (
    <Card title="Webhooks" actions={<Button onClick={() => setAdding(true)}>Add endpoint</Button>}>
      <p className="muted">{description}</p>
      {endpoints.isPending ? (
        <LoadingState label="Loading endpoints…" />
      ) : endpoints.isError ? (
        <ErrorState error={endpoints.error} title="Could not load the endpoints" onRetry={() => endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <EmptyState
          title="No webhook endpoints yet"
          description="Add one to be told when an order is created, changes status or is assigned."
        />
      ) : (
        <ul className="stack" aria-label="Webhook endpoints" style={{ listStyle: 'none', padding: 0 }}>
          {endpoints.data.map(({ id = '', ...endpoint }: WebhookEndpointDto) => (
            <li key={id} className="stack-sm">
              <div className="row-between">
                <div className="stack-sm">
                  <code style={{ overflowWrap: 'anywhere' }}>{endpoint.url}</code>
                  <span className="small muted">
                    {(endpoint.events ?? []).map((e) => webhookEventLabels[e as keyof typeof webhookEventLabels] ?? e).join(' · ')}
                    {endpoint.previousSecretExpiresAt &&
                      ` · previous secret signs until ${formatDateTime(endpoint.previousSecretExpiresAt)}`}
                  </span>
                </div>
                <Badge tone={endpoint.isEnabled ? 'success' : 'neutral'}>{endpoint.isEnabled ? 'Enabled' : 'Disabled'}</Badge>
              </div>
              <div className="row">
                <Button variant="secondary" onClick={() => setLogOf(logOf === id ? null : id)} aria-expanded={logOf === id}>
                  {logOf === id ? 'Hide delivery log' : 'Delivery log'}
                </Button>
                <Button variant="ghost" loading={rotate.isPending && rotate.variables === id} onClick={() => rotate.mutate(id)}>
                  Rotate secret
                </Button>
                <Button
                  variant="ghost"
                  loading={update.isPending && update.variables?.id === id}
                  onClick={() => update.mutate({ id: id, isEnabled: !endpoint.isEnabled })}
                >
                  {endpoint.isEnabled ? 'Disable' : 'Enable'}
                </Button>
              </div>
              {logOf === id && <WebhookDeliveries endpointId={id} url={endpoint.url ?? ''} />}
            </li>
          ))}
        </ul>
      )}
      {adding && <CreateWebhookEndpointDialog owner={owner} onClose={() => setAdding(false)} />}
      {rotate.data && <WebhookSecretDialog secret={rotate.data.secret ?? ''} rotated onClose={() => rotate.reset()} />}
    </Card>
  );
}
