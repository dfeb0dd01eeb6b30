import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { SelectField } from '@/components/ui/select-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { NotificationEventDto, OrderStatus } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useEmailPreview, useSendTestEmail } from '../api/use-notification-settings';
import type { SettingsForm } from '../utils/settings-schema';
import styles from './notifications.module.css';
import formStyles from '@/components/ui/form.module.css';

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * Each e-mail as a customer would get it, with sample data and the look being edited (unsaved changes included), in
 * a sandboxed frame that runs no script; and "send me a test" to the merchant's own address (the saved look).
 */
export function EmailPreview({
  merchantId,
  events,
  control,
}: {
  merchantId: string;
  events: NotificationEventDto[];
  control: Control<SettingsForm>;
}) {
  const [event, setEvent] = useState<OrderStatus>(events[0]?.status ?? 'Confirmed');
  const look = useWatch({ control });
  const draft = useDebouncedValue(
    {
      event,
      senderName: blank(look.senderName ?? ''),
      replyTo: blank(look.replyTo ?? ''),
      accentColour: /^#[0-9a-fA-F]{6}$/.test(look.accentColour ?? '') ? look.accentColour : undefined,
      logoUrl: (look.logoUrl ?? '').startsWith('https://') ? look.logoUrl : undefined,
      language: blank(look.language ?? ''),
      timeZone: look.timeZone,
    },
    400,
  );
  const preview = useEmailPreview(merchantId, draft);
  const test = useSendTestEmail(merchantId);
  const toast = useToast();
  const label = events.find((e) => e.status === event)?.label ?? event;

  return (
    <Card title="Preview">
      <div className="row-between">
        <SelectField label="E-mail" value={event} onChange={(e) => setEvent(e.target.value as OrderStatus)}>
          {events.map((e) => (
            <option key={e.status} value={e.status}>
              {e.label}
            </option>
          ))}
        </SelectField>
        <Button
          variant="secondary"
          loading={test.isPending}
          onClick={() => test.mutate(event, { onSuccess: (sent) => toast(`Test e-mail “${label}” sent to ${sent.sentTo}.`) })}
        >
          Send me a test
        </Button>
      </div>
      {test.error && <p className={formStyles.error}>{toApiError(test.error).userMessage}</p>}
      {preview.isPending ? (
        <LoadingState label="Rendering the e-mail…" />
      ) : preview.isError ? (
        <ErrorState error={preview.error} title="Could not show the preview" onRetry={() => preview.refetch()} />
      ) : (
        <div className="stack-sm">
          <dl className={styles.meta}>
            <dt>From</dt>
            <dd>{preview.data.senderName}</dd>
            {preview.data.replyTo && (
              <>
                <dt>Reply to</dt>
                <dd>{preview.data.replyTo}</dd>
              </>
            )}
            <dt>Subject</dt>
            <dd>{preview.data.subject}</dd>
          </dl>
          {/* No script runs in the frame (no allow-scripts). It keeps the page's origin so Chromium renders it in the
              page's process: a frame with an opaque origin gets a process of its own, and an automated browser
              attaching to that process while the next preview replaces the document left it blank (ADR 0044). */}
          <iframe
            className={styles.frame}
            title={`Preview of the “${label}” e-mail`}
            sandbox="allow-same-origin"
            srcDoc={preview.data.html}
          />
          <details>
            <summary>Plain-text version</summary>
            <pre className={styles.plain}>{preview.data.text}</pre>
          </details>
        </div>
      )}
    </Card>
  );
}
