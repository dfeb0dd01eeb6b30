import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastOptions } from './toast-context';

interface Toast {
  id: number;
  message: string;
  tone: NonNullable<ToastOptions['tone']>;
}

const visibleMs = 5000;

/** Short confirmations ("Order created") in a polite live region; errors stay until dismissed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const show = useCallback(
    (message: string, options?: ToastOptions) => {
      const id = nextId.current++;
      const tone = options?.tone ?? 'default';
      setToasts((list) => [...list.slice(-1), { id, message, tone }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), visibleMs);
    },
    [dismiss],
  );

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}>
            <span>{toast.message}</span>
            <button type="button" onClick={() => dismiss(toast.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
