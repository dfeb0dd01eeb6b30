import { useMutation } from '@tanstack/react-query';
import type { LoginCommand } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/** Signs in; the app drops the previous user's cached data as the session changes (lib/query-client). */
export function useSignIn() {
  const api = useApi();
  return useMutation({
    mutationFn: (credentials: LoginCommand) => apiCall(api.signIn(credentials)),
  });
}
