import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { fieldMessages, type ApiError } from '@/lib/errors';
import dialogStyles from '@/components/ui/dialog.module.css';

export interface CancelOrderDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function CancelOrderDialog({ open, pending, error, onConfirm, onClose }: CancelOrderDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }

  const reasonErrors = missing ? ['Say why the order is cancelled.'] : fieldMessages(error?.fieldErrors, 'reason');

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Cancel this order?"
      description="The customer sees that the order was cancelled. This cannot be undone."
    >
      <form className="stack" onSubmit={submit} noValidate>
        {error && !reasonErrors && <Alert tone="danger">{error.userMessage}</Alert>}
        <TextareaField
          label="Reason"
          autoFocus
          required
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          errors={reasonErrors}
        />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Keep order
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            Cancel order
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
