import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { TextField } from '@/components/ui/text-field';
import type { NotificationSettingsDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { useNotificationSettings, usePauseNotifications } from '../api/use-notification-settings';
import { EmailPreview } from './email-preview';
import { NotificationSettingsForm } from './notification-settings-form';

/** A merchant's customer e-mails: its choices, a preview of each e-mail and a test send; an admin may also pause it. */
export function NotificationSettings({ merchantId, asAdmin = false }: { merchantId: string; asAdmin?: boolean }) {
  const settings = useNotificationSettings(merchantId);
  if (settings.isPending) return <LoadingState label="Loading the e-mail settings…" />;
  if (settings.isError)
    return <ErrorState error={settings.error} title="Could not load the e-mail settings" onRetry={() => settings.refetch()} />;

  const data = settings.data;
  return (
    <div className="stack">
      {!data.sendingConfigured && (
        <Alert tone="info" title="This server sends no e-mail">
          No mail server is set up (Smtp settings), so nothing is sent until one is. You can still choose and preview.
        </Alert>
      )}
      {data.paused && (
        <Alert tone="warning" title="An admin paused these e-mails">
          {data.pausedAt && `Since ${formatDateTime(data.pausedAt)}. `}
          {data.pauseReason ?? 'Nothing is sent until an admin resumes them.'}
        </Alert>
      )}
      {asAdmin && <PauseCard merchantId={merchantId} settings={data} />}
      <NotificationSettingsForm key={data.merchantId} merchantId={merchantId} settings={data}>
        {(control) => <EmailPreview merchantId={merchantId} events={data.availableEvents ?? []} control={control} />}
      </NotificationSettingsForm>
    </div>
  );
}

function PauseCard({ merchantId, settings }: { merchantId: string; settings: NotificationSettingsDto }) {
  const pause = usePauseNotifications(merchantId);
  const [reason, setReason] = useState('');
  return (
    <Card title="Admin: pause sending">
      {settings.paused ? (
        <Button loading={pause.isPending} onClick={() => pause.mutate({ paused: false })}>
          Resume this merchant’s e-mails
        </Button>
      ) : (
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            pause.mutate({ paused: true, reason: reason.trim() || undefined });
          }}
        >
          <TextField label="Reason (shown to the merchant)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <div className="row">
            <Button type="submit" variant="danger" loading={pause.isPending}>
              Pause this merchant’s e-mails
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
