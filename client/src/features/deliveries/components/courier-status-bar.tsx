import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { formatTime } from '@/lib/format';
import { useOnline } from '@/lib/offline/use-online';
import { useOutbox } from '../outbox/outbox-context';
import styles from './courier.module.css';

/** When the courier's data last came from the server: the newest answer among the cached orders. */
function useLastUpdated(): number {
  const queryClient = useQueryClient();
  return Math.max(
    0,
    ...queryClient
      .getQueryCache()
      .findAll({ queryKey: ['orders'] })
      .map((query) => query.state.dataUpdatedAt),
  );
}

/**
 * One line above the courier's screens: offline with when the data was last updated, how many changes wait on the
 * phone, and an update prompt when a new version of the app is ready. Short enough for a 375 px screen.
 */
export function CourierStatusBar({ onUpdate }: { onUpdate?: () => void }) {
  const online = useOnline();
  const outbox = useOutbox();
  const lastUpdated = useLastUpdated();
  const waiting = outbox.changes.filter((c) => c.state === 'waiting').length;
  const refused = outbox.changes.filter((c) => c.state === 'refused').length;
  if (online && waiting === 0 && refused === 0 && !onUpdate) return null;
  return (
    <div className={online ? styles.statusBar : styles.statusBarOffline} role="status" aria-label="Connection and changes">
      <span>
        {!online && `Offline, last updated ${lastUpdated ? formatTime(new Date(lastUpdated).toISOString()) : 'never'}`}
        {!online && waiting + refused > 0 && ' · '}
        {waiting > 0 && `${waiting} ${waiting === 1 ? 'change' : 'changes'} waiting to send`}
        {waiting > 0 && refused > 0 && ' · '}
        {refused > 0 && `${refused} not accepted`}
        {online && waiting + refused === 0 && 'A new version of the app is ready.'}
      </span>
      {onUpdate && (
        <Button variant="primary" onClick={onUpdate}>
          Update the app
        </Button>
      )}
    </div>
  );
}
