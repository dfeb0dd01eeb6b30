import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast/use-toast';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { useDeleteWebhookEndpoint, type WebhookOwner } from '../api/use-webhooks';
import styles from './webhooks.module.css';
import dialogStyles from '@/components/ui/dialog.module.css';

/** Asks before an endpoint and its delivery log are deleted: nothing more is sent to it, and it cannot be undone. */
export function DeleteWebhookEndpointDialog({
  owner,
  endpoint,
  onClose,
}: {
  owner: WebhookOwner;
  endpoint: WebhookEndpointDto;
  onClose: () => void;
}) {
  const remove = useDeleteWebhookEndpoint(owner);
  const toast = useToast();

  return (
    <Dialog open onClose={onClose} title="Delete this webhook endpoint?">
      <div className="stack">
        {remove.error && <Alert tone="danger">{toApiError(remove.error).userMessage}</Alert>}
        <p>
          Nothing more is sent to <code className={styles.url}>{endpoint.url}</code>, and its delivery log is deleted with it. This cannot
          be undone.
        </p>
        <div className={dialogStyles.actions}>
          <Button variant="secondary" autoFocus onClick={onClose}>
            Keep it
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(endpoint.id!, {
                onSuccess: () => {
                  toast('Deleted the endpoint.');
                  onClose();
                },
              })
            }
          >
            Delete endpoint
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
