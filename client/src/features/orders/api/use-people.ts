import { useQuery } from '@tanstack/react-query';
import type { UserRole } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/**
 * Merchants (for the admin's merchant filter) or couriers (for assignment). GET /api/users is admin-only, so
 * callers pass enabled=false for other roles.
 */
export function useUsersOfRole(role: UserRole, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['users', 'role', role],
    queryFn: ({ signal }) => apiCall(api.users.list(role, undefined, signal)),
    enabled,
    staleTime: 60_000,
  });
}
