import QRCode from 'react-qr-code';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import styles from './tracking-link-card.module.css';

export function trackingUrl(trackingCode: string, origin = window.location.origin): string {
  return `${origin}/track/${encodeURIComponent(trackingCode)}`;
}

/**
 * The public tracking link the merchant hands on to the customer: to copy into a message, or as a QR code to print
 * on the parcel slip. The page behind it shows nothing personal.
 */
export function TrackingLinkCard({ trackingCode }: { trackingCode: string }) {
  const url = trackingUrl(trackingCode);
  return (
    <Card title="Tracking link for the customer">
      <div className={styles.link}>
        <div className={`stack-sm ${styles.text}`}>
          <a className={`mono ${styles.url}`} href={url} target="_blank" rel="noreferrer">
            {url}
          </a>
          <div className="row">
            <CopyButton text={url} label="Copy tracking link" />
          </div>
          <p className="muted small">The page shows the parcel’s progress, never the customer’s name or address.</p>
        </div>
        <QRCode value={url} size={128} role="img" aria-label={`QR code of ${url}`} className={styles.qr} />
      </div>
    </Card>
  );
}
