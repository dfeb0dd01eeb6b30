import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { ApiError } from '@/lib/errors';
import dialogStyles from '@/components/ui/dialog.module.css';

export interface DeliverOrderDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  onConfirm: (recipientName: string | undefined, note: string | undefined) => void;
  onClose: () => void;
}

/** Proof of delivery is optional: who took the parcel, and a note. */
export function DeliverOrderDialog({ open, pending, error, onConfirm, onClose }: DeliverOrderDialogProps) {
  const [recipientName, setRecipientName] = useState('');
  const [note, setNote] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(recipientName.trim() || undefined, note.trim() || undefined);
  }

  return (
    <Dialog open={open} onClose={onClose} title="Confirm delivery" description="Optionally note who received the parcel.">
      <form className="stack" onSubmit={submit} noValidate>
        {error && <Alert tone="danger">{error.userMessage}</Alert>}
        <TextField
          label="Received by (optional)"
          autoFocus
          autoComplete="off"
          value={recipientName}
          onChange={(e) => setRecipientName(e.target.value)}
        />
        <TextareaField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" loading={pending}>
            Mark delivered
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
