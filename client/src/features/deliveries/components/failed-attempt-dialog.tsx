import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { failureReasons } from '@/lib/order-status';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

const schema = z
  .object({
    reason: z.string().min(1, 'Choose what went wrong.'),
    note: z.string().trim().max(2000, 'At most 2 000 characters.'),
  })
  .refine((form) => form.reason !== 'Other' || form.note.length > 0, { path: ['note'], message: 'Describe what went wrong.' });

type FailedAttemptForm = z.infer<typeof schema>;

/** A failed delivery attempt with its reason, kept in the outbox like every courier step. */
export function FailedAttemptDialog({
  open,
  onConfirm,
  onClose,
}: {
  open: boolean;
  onConfirm: (reason: string, note: string | undefined) => void;
  onClose: () => void;
}) {
  const { register, handleSubmit, control, formState } = useForm<FailedAttemptForm>({
    resolver: zodResolver(schema),
    defaultValues: { reason: '', note: '' },
  });
  const legendId = useId();
  const reason = useWatch({ control, name: 'reason' });
  const errors = formState.errors;
  return (
    <Dialog open={open} onClose={onClose} title="Delivery attempt failed" description="The merchant and the customer see why.">
      <form className="stack" noValidate onSubmit={handleSubmit(({ reason: chosen, note }) => onConfirm(chosen, note || undefined))}>
        <fieldset
          className={formStyles.field}
          style={{ border: 0, padding: 0, margin: 0 }}
          aria-describedby={errors.reason ? `${legendId}-error` : undefined}
        >
          <legend id={legendId}>Reason</legend>
          <div className="stack-sm">
            {failureReasons.map((option) => (
              <label key={option.value} className={formStyles.chip} style={{ borderRadius: 'var(--radius-sm)', minHeight: 'var(--touch)' }}>
                <input type="radio" value={option.value} {...register('reason')} />
                {option.label}
              </label>
            ))}
          </div>
          {errors.reason && (
            <span id={`${legendId}-error`} className={formStyles.error}>
              {errors.reason.message}
            </span>
          )}
        </fieldset>
        <TextareaField
          label={reason === 'Other' ? 'Note' : 'Note (optional)'}
          errors={errors.note?.message ? [errors.note.message] : undefined}
          {...register('note')}
        />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" variant="danger">
            Report failed attempt
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
