import type { OrderStatus } from '@/lib/api/generated';
import { localDayEnd, localDayStart } from '@/lib/format';
import type { OrderFilters } from '../hooks/use-order-filters';

/** The filter part of OrdersClient.list / export, in their parameter order. */
export function toListArguments(filters: OrderFilters) {
  return [
    filters.status.length > 0 ? (filters.status as OrderStatus[]) : undefined,
    filters.merchantId || undefined,
    undefined,
    filters.partnerId || undefined,
    filters.search.trim() || undefined,
    localDayStart(filters.from),
    localDayEnd(filters.to),
    filters.unassigned ? 'Unassigned' : undefined,
    filters.overdue || undefined,
  ] as const;
}
