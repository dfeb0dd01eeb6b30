import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { OrderDto, OrderPage, OrderStatus } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { useCurrentUser } from '@/lib/use-session';
import { expectedState } from '../outbox/courier-steps';
import type { QueuedChange } from '../outbox/outbox-store';

/** Shares the `orders` key space with the orders feature, so live updates and changes there refresh these too. */
export const deliveryKeys = {
  mine: (courierId: string, active: boolean) => ['orders', 'list', 'courier', courierId, active] as const,
  available: () => ['orders', 'list', 'available'] as const,
};

const activeStatuses: OrderStatus[] = ['ReadyForPickup', 'PickedUp', 'InTransit', 'DeliveryFailed'];

/** The courier's assigned orders: the ones still to do, or all of them (history). */
export function useMyDeliveries(courierId: string, active: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: deliveryKeys.mine(courierId, active),
    queryFn: ({ pageParam, signal }) =>
      apiCall(
        api.orders.list(
          active ? activeStatuses : undefined,
          undefined,
          courierId,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          25,
          pageParam,
          signal,
        ),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/**
 * Unassigned orders ready for pickup. A courier's list holds its own orders and this pool; the pool is the part
 * with no courier and no partner.
 */
export function useAvailableOrders() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: deliveryKeys.available(),
    queryFn: async ({ pageParam, signal }) => {
      const page = await apiCall(
        api.orders.list(
          ['ReadyForPickup'],
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          50,
          pageParam,
          signal,
        ),
      );
      return { ...page, items: (page.items ?? []).filter((o) => !o.assignedCourierId && !o.assignedPartnerId) };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useClaimOrder() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => apiCall(api.orders.claim(orderId, newIdempotencyKey())),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}

/** After a delivery, the next one to do: the first of the courier's open deliveries (as cached) still to finish. */
export function useNextDelivery(currentOrderId: string, queue: QueuedChange[]): OrderDto | undefined {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const open = queryClient.getQueryData<InfiniteData<OrderPage>>(deliveryKeys.mine(user.id, true));
  return open?.pages
    .flatMap((page) => page.items ?? [])
    .find((order) => order.id !== currentOrderId && !['Delivered', 'Returned', 'Cancelled'].includes(expectedState(order, queue).status));
}
