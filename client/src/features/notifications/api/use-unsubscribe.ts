import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export function useUnsubscribeLink(token: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['unsubscribe', token] as const,
    queryFn: ({ signal }) => apiCall(api.unsubscribe.describe(token, signal)),
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const api = useApi();
  return useMutation({ mutationFn: () => apiCall(api.unsubscribe.unsubscribe(token)) });
}
