import type { LiveStatus } from '@/lib/live-updates';
import { useLiveStatus } from '@/lib/live-updates-context';
import type { StatusTone } from '@/lib/order-status';
import styles from './live-indicator.module.css';
import badge from './ui/badge.module.css';

const labels: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline, retrying',
};

const tones: Record<LiveStatus, StatusTone> = {
  connecting: 'warning',
  live: 'success',
  reconnecting: 'warning',
  offline: 'danger',
};

const hints: Record<LiveStatus, string> = {
  connecting: 'Connecting to live updates',
  live: 'Changes appear here as they happen',
  reconnecting: 'The connection dropped; changes will appear once it is back',
  offline: 'No connection; this page may be out of date until it reconnects',
};

/**
 * Whether the page is receiving live updates: a status region (announced politely) whose words carry the state,
 * with a dot whose shape also changes (filled, ring, crossed) so colour is never the only cue.
 */
export function LiveIndicator() {
  const status = useLiveStatus();
  if (!status) return null;
  return (
    <span
      role="status"
      aria-label="Live updates"
      className={`${badge.pill} ${badge[tones[status]]} ${styles.status}`}
      data-status={status}
      title={hints[status]}
    >
      <span className={styles.dot} aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
