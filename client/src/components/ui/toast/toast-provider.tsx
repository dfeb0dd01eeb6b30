import * as RadixToast from '@radix-ui/react-toast';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastOptions } from './toast-context';
import styles from './toast-provider.module.css';

interface Toast {
  id: number;
  message: string;
  tone: NonNullable<ToastOptions['tone']>;
}

const visibleMs = 5000;

/**
 * Short confirmations ("Order created") on Radix UI's Toast, announced politely; errors stay until dismissed.
 * One at a time: a new one replaces the last, so a phone never stacks them over the page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const nextId = useRef(1);

  const show = useCallback((message: string, options?: ToastOptions) => {
    setToast({ id: nextId.current++, message, tone: options?.tone ?? 'default' });
  }, []);

  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider label="Notification" duration={visibleMs} swipeDirection="right">
        {children}
        {toast && (
          <RadixToast.Root
            key={toast.id}
            className={toast.tone === 'error' ? `${styles.toast} ${styles.error}` : styles.toast}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            duration={toast.tone === 'error' ? Infinity : visibleMs}
            onOpenChange={(open) => {
              if (!open) setToast((current) => (current?.id === toast.id ? null : current));
            }}
          >
            <RadixToast.Description>{toast.message}</RadixToast.Description>
            <RadixToast.Close className={styles.close}>Dismiss</RadixToast.Close>
          </RadixToast.Root>
        )}
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/**
 * Where notifications appear. The layout places it between the header and the page: on a wide screen it floats
 * at the bottom right; on a phone it sits in the page flow above the content, so it never covers an action button.
 */
export function ToastViewport() {
  return <RadixToast.Viewport className={styles.viewport} />;
}
