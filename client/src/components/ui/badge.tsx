import type { ReactNode } from 'react';
import type { StatusTone } from '@/lib/order-status';
import styles from './badge.module.css';

export function Badge({ tone = 'neutral', children }: { tone?: StatusTone; children: ReactNode }) {
  return <span className={`${styles.pill} ${styles.badge} ${styles[tone]}`}>{children}</span>;
}
