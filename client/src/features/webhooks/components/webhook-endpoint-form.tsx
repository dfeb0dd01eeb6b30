import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldMessages } from '@/components/ui/field-messages';
import { TextField } from '@/components/ui/text-field';
import { fieldMessages, toApiError } from '@/lib/errors';
import { webhookEventLabels, webhookEventTypes } from '../api/use-webhooks';
import { endpointFormSchema, type EndpointFormValues } from '../utils/endpoint-form';
import styles from './webhooks.module.css';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

export interface WebhookEndpointFormProps {
  defaultValues: EndpointFormValues;
  submitLabel: string;
  pending: boolean;
  /** The API's refusal of the last submit: its field messages show under the fields, anything else above them. */
  error: unknown;
  onSubmit: (values: EndpointFormValues) => void;
  onCancel: () => void;
}

/** The URL and events of an endpoint, for adding one and for editing one. */
export function WebhookEndpointForm({ defaultValues, submitLabel, pending, error, onSubmit, onCancel }: WebhookEndpointFormProps) {
  const eventsId = useId();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EndpointFormValues>({ resolver: zodResolver(endpointFormSchema), defaultValues });
  const apiError = error ? toApiError(error) : undefined;
  const urlFromApi = fieldMessages(apiError?.fieldErrors, 'url');
  const eventsFromApi = fieldMessages(apiError?.fieldErrors, 'events');

  // The API's answer about a field belongs under that field, where the person fixes it.
  useEffect(() => {
    if (urlFromApi) setError('url', { message: urlFromApi.join(' ') }, { shouldFocus: true });
    if (eventsFromApi) setError('events', { message: eventsFromApi.join(' ') });
  }, [urlFromApi, eventsFromApi, setError]);

  const urlErrors = errors.url?.message ? [errors.url.message] : undefined;
  const eventErrors = errors.events?.message ? [errors.events.message] : undefined;

  return (
    <form className="stack" onSubmit={handleSubmit((values) => onSubmit(values))} noValidate>
      {apiError && !urlFromApi && !eventsFromApi && <Alert tone="danger">{apiError.userMessage}</Alert>}
      <TextField
        label="Endpoint URL"
        hint="An https address on the public internet (port 443)."
        type="url"
        inputMode="url"
        autoComplete="off"
        autoFocus
        errors={urlErrors}
        {...register('url')}
      />
      <fieldset className={styles.events} aria-describedby={eventErrors ? `${eventsId}-error` : undefined}>
        <legend>Events</legend>
        <Controller
          control={control}
          name="events"
          render={({ field }) => (
            <div className={formStyles.checkboxRow}>
              {webhookEventTypes.map((type) => (
                <label key={type} className={formStyles.chip}>
                  <input
                    type="checkbox"
                    checked={field.value.includes(type)}
                    onBlur={field.onBlur}
                    onChange={(e) =>
                      field.onChange(
                        e.target.checked
                          ? webhookEventTypes.filter((t) => t === type || field.value.includes(t))
                          : field.value.filter((t) => t !== type),
                      )
                    }
                  />
                  {webhookEventLabels[type]}
                </label>
              ))}
            </div>
          )}
        />
        <FieldMessages id={eventsId} errors={eventErrors} />
      </fieldset>
      <div className={dialogStyles.actions}>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
