import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { OrderStatus } from '@/lib/api/generated';
import { allStatuses } from '@/lib/order-status';

export interface OrderFilters {
  status: OrderStatus[];
  search: string;
  /** Local calendar days (yyyy-mm-dd) as the date inputs give them. */
  from: string;
  to: string;
  merchantId: string;
  /** Only a partner's page sets it (its orders); the list's URL has no such filter. */
  partnerId?: string;
}

const statusSet = new Set<string>(allStatuses);

/** The list's filters live in the URL, so a filtered view can be bookmarked, shared and kept across reloads. */
export function useOrderFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<OrderFilters>(
    () => ({
      status: params.getAll('status').filter((s): s is OrderStatus => statusSet.has(s)),
      search: params.get('search') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      merchantId: params.get('merchantId') ?? '',
    }),
    [params],
  );

  const setFilters = useCallback(
    (next: OrderFilters) => {
      const query = new URLSearchParams();
      next.status.forEach((s) => query.append('status', s));
      if (next.search.trim()) query.set('search', next.search.trim());
      if (next.from) query.set('from', next.from);
      if (next.to) query.set('to', next.to);
      if (next.merchantId) query.set('merchantId', next.merchantId);
      setParams(query, { replace: true });
    },
    [setParams],
  );

  return { filters, setFilters };
}
