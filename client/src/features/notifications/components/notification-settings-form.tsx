import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { NotificationSettingsDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useSaveNotificationSettings } from '../api/use-notification-settings';
import { settingsSchema, timeZones, toForm, toRequest, type SettingsForm } from '../utils/settings-schema';
import styles from './notifications.module.css';
import formStyles from '@/components/ui/form.module.css';

/** The merchant's choices: on or off, which events, and how the e-mails look. `children` gets the form's state, so the preview shows every edit. */
export function NotificationSettingsForm({
  merchantId,
  settings,
  children,
}: {
  merchantId: string;
  settings: NotificationSettingsDto;
  children: (control: Control<SettingsForm>) => ReactNode;
}) {
  const save = useSaveNotificationSettings(merchantId);
  const toast = useToast();
  const form = useForm<SettingsForm>({ resolver: zodResolver(settingsSchema), defaultValues: toForm(settings), mode: 'onTouched' });
  const { errors } = form.formState;
  const serverError = save.error ? toApiError(save.error) : undefined;
  const err = (path: keyof SettingsForm) =>
    errors[path]?.message ? [errors[path].message] : fieldMessages(serverError?.fieldErrors, path);
  const accent = useWatch({ control: form.control, name: 'accentColour' });
  const enabled = useWatch({ control: form.control, name: 'enabled' });

  const submit = form.handleSubmit((values) =>
    save.mutate(toRequest(values), {
      onSuccess: (saved) => {
        form.reset(toForm(saved));
        toast('E-mail settings saved.');
      },
    }),
  );

  return (
    <div className={styles.layout}>
      <form className="stack card" onSubmit={submit} noValidate aria-label="E-mail settings">
        <h2>What your customers get</h2>
        {serverError && serverError.kind !== 'validation' && <Alert tone="danger">{serverError.userMessage}</Alert>}
        <label className={formStyles.checkboxLabel}>
          <input type="checkbox" {...form.register('enabled')} />
          E-mail my customers when their order changes
        </label>
        {!enabled && <p className="muted small">Off: no e-mail is sent. Your choices below are kept for when you turn it on.</p>}
        <fieldset className={styles.events}>
          <legend>Send an e-mail when an order is…</legend>
          <div className={formStyles.checkboxRow}>
            {(settings.availableEvents ?? []).map((event) => (
              <label key={event.status} className={formStyles.chip}>
                <input type="checkbox" value={event.status} {...form.register('events')} />
                {event.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className={formStyles.grid}>
          <TextField
            label="Sender name (optional)"
            hint={`Shown as the sender. Empty: ${settings.defaultSenderName}.`}
            errors={err('senderName')}
            {...form.register('senderName')}
          />
          <TextField
            label="Reply-to address (optional)"
            type="email"
            hint={settings.defaultReplyTo ? `Empty: ${settings.defaultReplyTo}.` : 'Where customers’ replies go.'}
            errors={err('replyTo')}
            {...form.register('replyTo')}
          />
          <TextField
            label="Accent colour (optional)"
            placeholder="#1d4ed8"
            hint="The bar and button of the e-mail, as #rrggbb."
            errors={err('accentColour')}
            {...form.register('accentColour')}
          />
          <TextField
            label="Logo address (optional)"
            type="url"
            placeholder="https://"
            hint="An https image. Many mail apps block images at first; the e-mail reads the same without it."
            errors={err('logoUrl')}
            {...form.register('logoUrl')}
          />
          <TextField
            label="Language for dates"
            hint="Such as en-GB or de-DE, for customers whose order names none."
            errors={err('language')}
            {...form.register('language')}
          />
          <SelectField
            label="Time zone"
            hint="For customers whose order names none."
            errors={err('timeZone')}
            {...form.register('timeZone')}
          >
            {timeZones(settings.timeZone ?? 'UTC').map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        </div>
        {/^#[0-9a-fA-F]{6}$/.test(accent) && (
          <p className="small muted">
            Accent: <span className={styles.swatch} style={{ background: accent }} aria-hidden="true" /> {accent}
          </p>
        )}
        <div className="row">
          <Button type="submit" loading={save.isPending}>
            Save e-mail settings
          </Button>
        </div>
      </form>
      {children(form.control)}
    </div>
  );
}
