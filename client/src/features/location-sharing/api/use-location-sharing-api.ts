import { useMutation, useQuery } from '@tanstack/react-query';
import type { CourierPositionRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/**
 * The courier's orders out for delivery (the first page is plenty: a courier carries a handful). In the `orders` list
 * key space, so every live change to the courier's orders reads it again and sharing stops with the last delivery.
 */
export function useOrdersOutForDelivery(courierId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['orders', 'list', 'out-for-delivery', courierId],
    queryFn: ({ signal }) =>
      apiCall(
        api.orders.list(
          ['InTransit'],
          undefined,
          courierId,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          100,
          undefined,
          signal,
        ),
      ),
  });
}

/** Sends one position; a 409 means the courier has nothing out for delivery any more. */
export function useReportPosition() {
  const api = useApi();
  return useMutation({
    mutationFn: (position: CourierPositionRequest) => apiCall(api.courierPositions.report(position)),
  });
}
