import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { orderKeys } from './order-keys';

/** Where the courier carrying the order is (merchant and admin, while out for delivery); live messages replace it as it moves. */
export function useCourierPosition(orderId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: orderKeys.courierPosition(orderId),
    queryFn: ({ signal }) => apiCall(api.courierPositions.forOrder(orderId, signal)),
    enabled,
  });
}
