import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserCommand, UpdateUserRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

export function useUsers() {
  const api = useApi();
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiCall(api.users.list(undefined, signal)),
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
