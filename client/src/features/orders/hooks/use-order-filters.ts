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
  /** Open orders with neither a courier nor a partner: what a dispatcher has to assign. */
  unassigned: boolean;
  /** Open orders past their estimated delivery. */
  overdue: boolean;
  /** Only a partner's page sets it (its orders); the list's URL has no such filter. */
  partnerId?: string;
}

const statusSet = new Set<string>(allStatuses);

/**
 * The API refuses a shorter search (400): the city, postal code and name match by trigrams, and a term shorter than
 * a trigram would read every order. The start of a tracking code needs 4 characters anyway.
 */
export const minSearchLength = 3;

/** A search the API takes: blank (no search) or at least {@link minSearchLength} characters once trimmed. */
export function isSearchable(search: string): boolean {
  const length = search.trim().length;
  return length === 0 || length >= minSearchLength;
}

/** The list's filters live in the URL, so a filtered view can be bookmarked, shared and kept across reloads. */
export function useOrderFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<OrderFilters>(
    () => ({
      status: params.getAll('status').filter((s): s is OrderStatus => statusSet.has(s)),
      // An older link may carry a search the API now refuses; it is left out rather than failing the list.
      search: isSearchable(params.get('search') ?? '') ? (params.get('search') ?? '') : '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      merchantId: params.get('merchantId') ?? '',
      unassigned: params.get('assignment') === 'unassigned',
      overdue: params.get('overdue') === 'true',
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
      // The same names and values as the API's parameters, so a link reads the same in both.
      if (next.unassigned) query.set('assignment', 'unassigned');
      if (next.overdue) query.set('overdue', 'true');
      setParams(query, { replace: true });
    },
    [setParams],
  );

  return { filters, setFilters };
}
