import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldMessages } from '@/components/ui/field-messages';
import { TextField } from '@/components/ui/text-field';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useCreateWebhookEndpoint, webhookEventLabels, webhookEventTypes, type WebhookOwner } from '../api/use-webhooks';
import { WebhookSecretDialog } from './webhook-secret-dialog';

export function CreateWebhookEndpointDialog({ owner, onClose }: { owner: WebhookOwner; onClose: () => void }) {
  const create = useCreateWebhookEndpoint(owner);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...webhookEventTypes]);
  const error = create.error ? toApiError(create.error) : undefined;
  const urlErrors = fieldMessages(error?.fieldErrors, 'url');
  const eventErrors = fieldMessages(error?.fieldErrors, 'events');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ url: url.trim(), events });
  }

  if (create.data) return <WebhookSecretDialog secret={create.data.secret ?? ''} rotated={false} onClose={onClose} />;

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add a webhook endpoint"
      description="We POST a signed JSON body to this address when an order changes."
    >
      <form className="stack" onSubmit={submit} noValidate>
        {error && !urlErrors && !eventErrors && <Alert tone="danger">{error.userMessage}</Alert>}
        <TextField
          label="Endpoint URL"
          hint="An https address on the public internet."
          type="url"
          autoFocus
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          errors={urlErrors}
        />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Events</legend>
          <div className="checkbox-row">
            {webhookEventTypes.map((type) => (
              <label key={type} className="chip">
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  onChange={(e) => setEvents((current) => (e.target.checked ? [...current, type] : current.filter((t) => t !== type)))}
                />
                {webhookEventLabels[type]}
              </label>
            ))}
          </div>
          <FieldMessages id="webhook-events" errors={eventErrors} />
        </fieldset>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add endpoint
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
