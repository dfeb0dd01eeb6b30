import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginCommand } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { sessionFromLogin } from '@/lib/session';

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginCommand) => apiCall(api.auth.login(credentials)),
    onSuccess: (result) => {
      // Nothing cached for a previous user may leak into this one's screens.
      queryClient.clear();
      api.sessions.set(sessionFromLogin(result));
    },
  });
}
