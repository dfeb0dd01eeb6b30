import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSettled: () => queryClient.clear(),
  });
}
