import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast/use-toast';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import {
  managesEndpoints,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useUpdateWebhookEndpoint,
  webhookEventLabels,
  type WebhookOwner,
} from '../api/use-webhooks';
import { endpointState } from '../utils/endpoint-status';
import { DeleteWebhookEndpointDialog } from './delete-webhook-endpoint-dialog';
import { EditWebhookEndpointDialog } from './edit-webhook-endpoint-dialog';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookSecretDialog } from './webhook-secret-dialog';
import styles from './webhooks.module.css';

type Opened = 'edit' | 'delete' | null;

/** One endpoint: its address, events and health (why it is disabled, since when it fails), its actions and its log. */
export function WebhookEndpointItem({ owner, endpoint }: { owner: WebhookOwner; endpoint: WebhookEndpointDto }) {
  const id = endpoint.id!;
  const manage = managesEndpoints(owner);
  const update = useUpdateWebhookEndpoint(owner);
  const rotate = useRotateWebhookSecret(owner);
  const test = useSendWebhookTest();
  const toast = useToast();
  const [logOpen, setLogOpen] = useState(false);
  const [opened, setOpened] = useState<Opened>(null);
  const state = endpointState(endpoint);
  const failure = [update.error, rotate.error, test.error].find(Boolean);

  return (
    <li className={styles.endpoint}>
      <div className={styles.endpointHead}>
        <div className="stack-sm">
          <code className={styles.url}>{endpoint.url}</code>
          <span className="small muted">
            {(endpoint.events ?? []).map((e) => webhookEventLabels[e as keyof typeof webhookEventLabels] ?? e).join(' · ')}
            {endpoint.previousSecretExpiresAt && ` · previous secret signs until ${formatDateTime(endpoint.previousSecretExpiresAt)}`}
          </span>
        </div>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      {state.explanation && <p className={endpoint.isEnabled ? styles.failing : styles.disabled}>{state.explanation}</p>}
      {failure && <Alert tone="danger">{toApiError(failure).userMessage}</Alert>}
      <div className="row">
        <Button variant="secondary" onClick={() => setLogOpen((open) => !open)} aria-expanded={logOpen}>
          {logOpen ? 'Hide delivery log' : 'Delivery log'}
        </Button>
        {manage && (
          <>
            <Button
              variant="secondary"
              loading={test.isPending}
              onClick={() =>
                test.mutate(id, {
                  onSuccess: () => {
                    setLogOpen(true);
                    toast('Test event sent. It shows in the delivery log.');
                  },
                })
              }
            >
              Send test event
            </Button>
            <Button variant="ghost" onClick={() => setOpened('edit')}>
              Edit
            </Button>
            <Button variant="ghost" loading={rotate.isPending} onClick={() => rotate.mutate(id)}>
              Rotate secret
            </Button>
          </>
        )}
        <Button variant="ghost" loading={update.isPending} onClick={() => update.mutate({ id, isEnabled: !endpoint.isEnabled })}>
          {endpoint.isEnabled ? 'Disable' : 'Enable'}
        </Button>
        <Button variant="ghost" className={styles.danger} onClick={() => setOpened('delete')}>
          Delete
        </Button>
      </div>
      {logOpen && <WebhookDeliveries endpointId={id} url={endpoint.url ?? ''} manage={manage} />}
      {opened === 'edit' && <EditWebhookEndpointDialog owner={owner} endpoint={endpoint} onClose={() => setOpened(null)} />}
      {opened === 'delete' && <DeleteWebhookEndpointDialog owner={owner} endpoint={endpoint} onClose={() => setOpened(null)} />}
      {rotate.data && <WebhookSecretDialog secret={rotate.data.secret ?? ''} rotated onClose={() => rotate.reset()} />}
    </li>
  );
}
