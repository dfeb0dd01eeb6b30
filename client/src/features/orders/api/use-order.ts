import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { orderKeys } from './order-keys';

export function useOrder(orderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => apiCall(api.orders.get(orderId, signal)),
  });
}

export function useOrderHistory(orderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: orderKeys.history(orderId),
    queryFn: ({ signal }) => apiCall(api.orders.history(orderId, signal)),
  });
}
