import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';
import type { SessionStore } from './session';

/** Client errors (4xx) are answers, not hiccups: only network and server errors are retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          failureCount < 2 && (!(error instanceof ApiError) || error.kind === 'network' || error.kind === 'server'),
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Whenever the signed-in user changes (a sign-in, a sign-out, either in another tab), nothing cached for the
 * previous user may reach the next one's screens. Returns the unsubscribe.
 */
export function clearWhenTheUserChanges(sessions: SessionStore, queryClient: QueryClient): () => void {
  let userId = sessions.get()?.user.id;
  return sessions.subscribe(() => {
    const next = sessions.get()?.user.id;
    if (next === userId) return;
    userId = next;
    queryClient.clear();
  });
}
