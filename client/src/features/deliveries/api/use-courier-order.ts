import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OrderDto, OrderPage } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/** The same keys as the orders feature's detail and the proof route, so live updates and the outbox refresh them. */
export const courierOrderKeys = {
  detail: (orderId: string) => ['orders', 'detail', orderId] as const,
  proof: (orderId: string) => ['orders', 'proof-of-delivery', orderId] as const,
};

/** An order from the courier's cached lists, so its screen opens at once (and offline) before the detail answers. */
function fromLists(queryClient: ReturnType<typeof useQueryClient>, orderId: string): OrderDto | undefined {
  for (const [, data] of queryClient.getQueriesData<InfiniteData<OrderPage>>({ queryKey: ['orders', 'list'] })) {
    const found = data?.pages?.flatMap((page) => page.items ?? []).find((order) => order.id === orderId);
    if (found) return found;
  }
  return undefined;
}

export function useCourierOrder(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: courierOrderKeys.detail(orderId),
    queryFn: ({ signal }) => apiCall(api.orders.get(orderId, signal)),
    initialData: () => fromLists(queryClient, orderId),
    initialDataUpdatedAt: () => queryClient.getQueryState(['orders', 'list'])?.dataUpdatedAt,
  });
}

/** What the order's merchant asks for at the door: fetched with the deliveries, so it is on the device offline. */
export function useProofRequirements(orderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: courierOrderKeys.proof(orderId),
    queryFn: ({ signal }) => apiCall(api.orders.proofOfDelivery(orderId, signal)),
    select: (proof) => proof.requirements,
  });
}

/** Reads ahead what each open delivery needs offline: its proof requirements (the list already holds the orders). */
export function usePrefetchDeliveryNeeds() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    (orders: OrderDto[]) => {
      for (const order of orders.filter((o) => o.allowedTransitions.length > 0)) {
        void queryClient.prefetchQuery({
          queryKey: courierOrderKeys.proof(order.id),
          queryFn: ({ signal }) => apiCall(api.orders.proofOfDelivery(order.id, signal)),
          staleTime: 5 * 60 * 1000,
        });
      }
    },
    [api, queryClient],
  );
}
