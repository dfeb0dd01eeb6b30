import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/** Active couriers and delivery partners by name (merchants and admins may read it). */
export function useAssignees(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['assignees'],
    queryFn: ({ signal }) => apiCall(api.assignees.list(signal)),
    enabled,
    staleTime: 60_000,
  });
}
