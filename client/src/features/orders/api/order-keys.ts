import type { OrderFilters } from '../hooks/use-order-filters';

/** Query keys of the orders feature; live updates (issue 6) invalidate `all` or one `detail`. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (filters: OrderFilters) => [...orderKeys.lists(), filters] as const,
  count: (filters: OrderFilters) => [...orderKeys.all, 'count', filters] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
  history: (id: string) => [...orderKeys.all, 'history', id] as const,
  courierPosition: (id: string) => [...orderKeys.all, 'courier-position', id] as const,
};
