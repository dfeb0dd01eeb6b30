import { useState } from 'react';
import styles from './tracking-view.module.css';

/**
 * The merchant's logo, the one its e-mails show. Only an https address is drawn: the page's Content-Security-Policy
 * allows other hosts' images over https on the tracking page and nowhere else. A logo that does not load (moved, or
 * the page was opened from another screen whose policy keeps to this site) leaves the name alone, as with no logo.
 */
export function MerchantLogo({ src, name }: { src?: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (!src || !src.startsWith('https://') || failed) return null;
  return <img className={styles.logo} src={src} alt={`${name} logo`} referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}
