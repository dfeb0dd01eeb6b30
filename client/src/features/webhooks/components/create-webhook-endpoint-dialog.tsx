import { Dialog } from '@/components/ui/dialog';
import { useCreateWebhookEndpoint, type WebhookOwner } from '../api/use-webhooks';
import { newEndpointValues } from '../utils/endpoint-form';
import { WebhookEndpointForm } from './webhook-endpoint-form';
import { WebhookSecretDialog } from './webhook-secret-dialog';

export function CreateWebhookEndpointDialog({ owner, onClose }: { owner: WebhookOwner; onClose: () => void }) {
  const create = useCreateWebhookEndpoint(owner);

  if (create.data) return <WebhookSecretDialog secret={create.data.secret ?? ''} rotated={false} onClose={onClose} />;

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add a webhook endpoint"
      description="We POST a signed JSON body to this address when an order changes."
    >
      <WebhookEndpointForm
        defaultValues={newEndpointValues}
        submitLabel="Add endpoint"
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(values)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
