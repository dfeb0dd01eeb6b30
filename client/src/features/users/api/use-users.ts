import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserCommand, UpdateUserRequest, UserRole } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UsersFilter = {}) => [...userKeys.all, 'list', filter] as const,
};

export interface UsersFilter {
  role?: UserRole;
  search?: string;
}

/** Users of one role and/or whose name or email contains the search; the last list stays while the next loads. */
export function useUsers(filter: UsersFilter = {}) {
  const api = useApi();
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: ({ signal }) => apiCall(api.users.list(filter.role, filter.search || undefined, signal)),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: CreateUserCommand) => apiCall(api.users.create(command)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateUserRequest & { id: string }) => apiCall(api.users.update(id, request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
