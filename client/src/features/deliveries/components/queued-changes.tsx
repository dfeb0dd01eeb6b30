import { Button } from '@/components/ui/button';
import { formatTime } from '@/lib/format';
import { statusWords } from '@/lib/status-wording';
import type { QueuedChange } from '../outbox/outbox-store';
import styles from './courier.module.css';

/**
 * The order's changes the server does not have yet: "waiting to send", or refused with what happened and the
 * order's status now, until the courier has read it.
 */
export function QueuedChanges({ changes, onDismiss }: { changes: QueuedChange[]; onDismiss: (id: string) => void }) {
  if (changes.length === 0) return null;
  return (
    <ul className={styles.queue} aria-label="Changes not yet sent">
      {changes.map((change) =>
        change.state === 'waiting' ? (
          <li key={change.id} className={styles.queued}>
            <span>
              {statusWords[change.to]} {formatTime(change.occurredAt)}: waiting to send
            </span>
          </li>
        ) : (
          <li key={change.id} className={styles.refused} role="alert">
            <span>
              {statusWords[change.to]} {formatTime(change.occurredAt)}. {change.refusal?.detail}
            </span>
            <Button variant="secondary" onClick={() => onDismiss(change.id)}>
              Dismiss
            </Button>
          </li>
        ),
      )}
    </ul>
  );
}
