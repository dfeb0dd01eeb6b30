import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignOrderRequest, ChangeOrderStatusRequest, CreateOrderCommand, OrderDto } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { orderKeys } from './order-keys';

/** After a change: the detail shows the answer at once, its timeline and every list refetch. */
function useOrderChanged() {
  const queryClient = useQueryClient();
  return (order: OrderDto) => {
    queryClient.setQueryData(orderKeys.detail(order.id), order);
    void queryClient.invalidateQueries({ queryKey: orderKeys.history(order.id) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  };
}

export function useCreateOrder() {
  const api = useApi();
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: ({ command, idempotencyKey }: { command: CreateOrderCommand; idempotencyKey: string }) =>
      apiCall(api.orders.create(command, idempotencyKey)),
    onSuccess: changed,
  });
}

export interface ChangeStatusInput extends ChangeOrderStatusRequest {
  /** The version the person was looking at: sent as If-Match so a stale screen gets 412 instead of a surprise. */
  version: number;
}

export function useChangeOrderStatus(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const changed = useOrderChanged();
  return useMutation({
    // One Idempotency-Key per click (mutations are not retried automatically): a request repeated below us after
    // a lost answer replays the first answer instead of a 409 or a second history entry.
    mutationFn: ({ version, ...request }: ChangeStatusInput) =>
      apiCall(api.orders.changeStatus(orderId, request, newIdempotencyKey(), `"${version}"`)),
    onSuccess: changed,
    onError: () => {
      // Whatever went wrong (stale version, someone else moved it), show the order as it is now.
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
      void queryClient.invalidateQueries({ queryKey: orderKeys.history(orderId) });
    },
  });
}

export function useAssignOrder(orderId: string) {
  const api = useApi();
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: (request: AssignOrderRequest) => apiCall(api.orders.assign(orderId, request, newIdempotencyKey())),
    onSuccess: changed,
  });
}
