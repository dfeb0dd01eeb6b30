import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import dialogStyles from '@/components/ui/dialog.module.css';

/** Shows a signing secret the one time the API gives it out (creation or rotation). */
export function WebhookSecretDialog({ secret, rotated, onClose }: { secret: string; rotated: boolean; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} title="Copy the signing secret now">
      <div className="stack">
        <Alert tone="warning" title="This is the only time the secret is shown.">
          {rotated
            ? 'For the next 24 hours deliveries carry a signature with this secret and one with the previous secret, so your receiver can switch without refusing a delivery.'
            : 'Your receiver uses it to check the X-OrderTracking-Signature header of each delivery.'}
        </Alert>
        <code className="secret">{secret}</code>
        <div className="row">
          <CopyButton text={secret} label="Copy secret" />
        </div>
        <div className={dialogStyles.actions}>
          <Button onClick={onClose}>I have stored the secret</Button>
        </div>
      </div>
    </Dialog>
  );
}
