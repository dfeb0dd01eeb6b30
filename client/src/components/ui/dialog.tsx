import * as RadixDialog from '@radix-ui/react-dialog';
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import styles from './dialog.module.css';

export interface DialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  /**
   * When set, Escape or a click outside does not close the dialog at once: it asks this question first, with
   * "Close anyway" and "Keep open". The dialog's own buttons close it as they always do.
   */
  confirmDismiss?: string;
  children: ReactNode;
}

/**
 * A modal on Radix UI's Dialog (docs/decisions: the accessible primitives): focus stays inside while it is open
 * (Tab wraps from the last control to the first), Escape and a click outside close it, the page behind is hidden
 * from assistive technology, and focus returns to the opener. Put `autoFocus` on the field that should take focus first.
 */
export function Dialog({ open, title, description, onClose, confirmDismiss, children }: DialogProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  // Our dialogs are opened by state, not by a Radix Trigger, and Radix returns focus only to its Trigger: without
  // this, closing leaves focus on the page's body and a keyboard user starts again from the top. Read before the
  // content (a portal, mounted a commit later) takes focus, `autoFocus` included.
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);

  function dismiss(event: Event) {
    if (!confirmDismiss) return;
    event.preventDefault();
    setAsking(true);
  }

  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={styles.overlay} />
        <RadixDialog.Content
          className={styles.content}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener.current?.isConnected) opener.current.focus();
          }}
          onEscapeKeyDown={dismiss}
          onInteractOutside={dismiss}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className={styles.body}>
            <RadixDialog.Title>{title}</RadixDialog.Title>
            {description && <RadixDialog.Description className="muted">{description}</RadixDialog.Description>}
            {asking ? (
              <div role="group" aria-labelledby={questionId} className="stack">
                <p id={questionId}>
                  <strong>{confirmDismiss}</strong>
                </p>
                <div className={styles.actions}>
                  <Button variant="secondary" autoFocus onClick={() => setAsking(false)}>
                    Keep open
                  </Button>
                  <Button variant="danger" onClick={onClose}>
                    Close anyway
                  </Button>
                </div>
              </div>
            ) : (
              children
            )}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
