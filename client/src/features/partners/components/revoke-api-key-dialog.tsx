import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ApiKeyDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { useRevokeApiKey } from '../api/use-partners';
import dialogStyles from '@/components/ui/dialog.module.css';

export function RevokeApiKeyDialog({ partnerId, apiKey, onClose }: { partnerId: string; apiKey: ApiKeyDto; onClose: () => void }) {
  const revoke = useRevokeApiKey(partnerId);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Revoke “${apiKey.name}”?`}
      description="Every request with this key is refused from now on. This cannot be undone."
    >
      <div className="stack">
        {revoke.error ? <Alert tone="danger">{toApiError(revoke.error).userMessage}</Alert> : null}
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose} autoFocus>
            Keep key
          </Button>
          <Button variant="danger" loading={revoke.isPending} onClick={() => revoke.mutate(apiKey.id!, { onSuccess: onClose })}>
            Revoke key
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
