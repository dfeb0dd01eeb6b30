import type { ReactNode } from 'react';
import type { StatusTone } from '@/lib/order-status';

export function Badge({ tone = 'neutral', children }: { tone?: StatusTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
