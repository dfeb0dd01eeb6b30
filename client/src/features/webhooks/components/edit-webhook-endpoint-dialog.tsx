import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast/use-toast';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { useUpdateWebhookEndpoint, type WebhookOwner } from '../api/use-webhooks';
import { endpointChanges, endpointFormValues } from '../utils/endpoint-form';
import { WebhookEndpointForm } from './webhook-endpoint-form';

/** Changes where an endpoint's events go and which events it wants; the secret stays the same. */
export function EditWebhookEndpointDialog({
  owner,
  endpoint,
  onClose,
}: {
  owner: WebhookOwner;
  endpoint: WebhookEndpointDto;
  onClose: () => void;
}) {
  const update = useUpdateWebhookEndpoint(owner);
  const toast = useToast();

  return (
    <Dialog
      open
      onClose={onClose}
      title="Edit webhook endpoint"
      description="The signing secret stays the same; deliveries still waiting go to the new address."
    >
      <WebhookEndpointForm
        defaultValues={endpointFormValues(endpoint)}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onCancel={onClose}
        onSubmit={(values) => {
          const changes = endpointChanges(endpoint, values);
          if (Object.keys(changes).length === 0) {
            onClose();
            return;
          }
          update.mutate(
            { id: endpoint.id!, ...changes },
            {
              onSuccess: () => {
                toast('Saved the endpoint.');
                onClose();
              },
            },
          );
        }}
      />
    </Dialog>
  );
}
