import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import type { OrderFilters } from '../hooks/use-order-filters';
import { orderKeys } from './order-keys';
import { toListArguments } from './to-list-arguments';

const pageSize = 25;

/** Pages of orders, newest first; "load more" follows the API's opaque nextCursor. */
export function useOrders(filters: OrderFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam, signal }) => apiCall(api.orders.list(...toListArguments(filters), pageSize, pageParam, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
