import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/** The e-mails about one order; looked at again every few seconds while one is still waiting to be sent. */
export function useOrderEmails(orderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['order-emails', orderId] as const,
    queryFn: ({ signal }) => apiCall(api.orderEmails.list(orderId, signal)),
    refetchInterval: (query) => (query.state.data?.some((email) => email.status === 'Pending') ? 3000 : false),
  });
}
