import { Button } from '@/components/ui/button';
import { useLocationSharing } from '../hooks/use-location-sharing';
import styles from './location-sharing.module.css';

function deliveries(count: number): string {
  return count === 1 ? 'your delivery' : `your ${count} deliveries`;
}

/**
 * The courier's location sharing: on by itself while an order is out for delivery, always visible while it is, with a
 * way to pause. Mounted once in the courier's layout; shows nothing when there is nothing to share.
 */
export function LocationSharing({ courierId }: { courierId: string }) {
  const sharing = useLocationSharing(courierId);
  if (sharing.state === 'off') return null;

  const { text, tone } = {
    sharing: { text: `Sharing your location with the customer of ${deliveries(sharing.carrying)} out for delivery.`, tone: styles.sharing },
    paused: { text: 'Location sharing is paused: customers do not see you on the map.', tone: styles.paused },
    blocked: { text: 'Your browser blocks your location: customers do not see you on the map. Allow it in the site settings.', tone: styles.blocked },
    unavailable: { text: 'Your location is not available right now; sharing resumes when it is.', tone: styles.paused },
  }[sharing.state];

  return (
    <section className={`${styles.banner} ${tone}`} aria-label="Location sharing">
      <p className={styles.text} role="status">
        <span className={sharing.state === 'sharing' ? styles.dot : styles.pausedDot} aria-hidden="true" />
        <span>{text}</span>
      </p>
      {sharing.state === 'paused' ? (
        <Button variant="secondary" onClick={sharing.resume}>
          Resume sharing
        </Button>
      ) : sharing.state === 'sharing' ? (
        <Button variant="secondary" onClick={sharing.pause}>
          Pause sharing
        </Button>
      ) : null}
    </section>
  );
}
