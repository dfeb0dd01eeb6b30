import { toApiError } from '@/lib/errors';
import { Button } from './button';
import styles from './state.module.css';

export function ErrorState({ error, title = 'Could not load this', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const apiError = toApiError(error);
  return (
    <div className={styles.state} role="alert">
      <p className={styles.title}>{title}</p>
      <p>{apiError.userMessage}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
