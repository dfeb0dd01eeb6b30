import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ApiError } from '@/lib/errors';
import dialogStyles from '@/components/ui/dialog.module.css';

export interface ReturnOrderDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  onConfirm: () => void;
  onClose: () => void;
}

/** Returning closes the order for good, and its button sits right under "Try delivery again": ask first. */
export function ReturnOrderDialog({ open, pending, error, onConfirm, onClose }: ReturnOrderDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Mark this parcel returned?"
      description="The order closes: nobody can try to deliver it again, and the customer sees it went back to the sender."
    >
      <div className="stack">
        {error && <Alert tone="danger">{error.userMessage}</Alert>}
        <div className={dialogStyles.actions}>
          <Button variant="secondary" autoFocus onClick={onClose}>
            Keep it open
          </Button>
          <Button variant="danger" loading={pending} onClick={onConfirm}>
            Mark returned
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
