import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { fieldMessages, type ApiError } from '@/lib/errors';
import { failureReasons } from '@/lib/order-status';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

export interface FailedDeliveryDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  onConfirm: (reason: string, note: string | undefined) => void;
  onClose: () => void;
}

/** The five failure reasons as large radio buttons; "Other" needs a note. */
export function FailedDeliveryDialog({ open, pending, error, onConfirm, onClose }: FailedDeliveryDialogProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ reason?: string[]; note?: string[] }>({});
  const legendId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof problems = {};
    if (!reason) found.reason = ['Choose what went wrong.'];
    if (reason === 'Other' && !note.trim()) found.note = ['Describe what went wrong.'];
    setProblems(found);
    if (found.reason || found.note) return;
    onConfirm(reason, note.trim() || undefined);
  }

  const reasonErrors = problems.reason ?? fieldMessages(error?.fieldErrors, 'reason');
  const noteErrors = problems.note ?? fieldMessages(error?.fieldErrors, 'note');

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Delivery attempt failed"
      description="Tell the merchant and the customer why the parcel could not be delivered."
    >
      <form className="stack" onSubmit={submit} noValidate>
        {error && !reasonErrors && !noteErrors && <Alert tone="danger">{error.userMessage}</Alert>}
        <fieldset
          className={formStyles.field}
          style={{ border: 0, padding: 0, margin: 0 }}
          aria-describedby={reasonErrors ? `${legendId}-error` : undefined}
        >
          <legend id={legendId}>Reason</legend>
          <div className="stack-sm">
            {failureReasons.map((option, index) => (
              <label key={option.value} className={formStyles.chip} style={{ borderRadius: 'var(--radius-sm)', minHeight: 'var(--touch)' }}>
                <input
                  type="radio"
                  name="failure-reason"
                  value={option.value}
                  autoFocus={index === 0}
                  checked={reason === option.value}
                  onChange={() => setReason(option.value)}
                />
                {option.label}
              </label>
            ))}
          </div>
          {reasonErrors && (
            <span id={`${legendId}-error`} className={formStyles.error}>
              {reasonErrors.join(' ')}
            </span>
          )}
        </fieldset>
        <TextareaField
          label={reason === 'Other' ? 'Note' : 'Note (optional)'}
          required={reason === 'Other'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          errors={noteErrors}
        />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            Report failed delivery
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
