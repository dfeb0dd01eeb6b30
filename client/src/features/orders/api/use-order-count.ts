import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import type { OrderFilters } from '../hooks/use-order-filters';
import { orderKeys } from './order-keys';
import { toListArguments } from './to-list-arguments';

/** How many orders the filters match (exact up to 10 000), asked beside the first page so paging never waits for it. */
export function useOrderCount(filters: OrderFilters) {
  const api = useApi();
  return useQuery({
    queryKey: orderKeys.count(filters),
    queryFn: ({ signal }) => apiCall(api.orders.count(...toListArguments(filters), signal)),
    placeholderData: keepPreviousData,
  });
}
