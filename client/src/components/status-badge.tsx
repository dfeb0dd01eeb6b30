import type { OrderStatus } from '@/lib/api/generated';
import { statusLabels, statusTones } from '@/lib/order-status';
import { Badge } from './ui/badge';

export function StatusBadge({ status }: { status: OrderStatus | undefined }) {
  if (!status) return null;
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}
