import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from './api-context';
import { createSignalRConnectionFactory } from './hub-connection';
import { createLiveUpdates } from './live-updates';
import { LiveUpdatesContext } from './live-updates-context';

/**
 * Keeps one live-update connection open while mounted. `signedIn`: the user's connection (its access token, kept
 * fresh through the session renewal), which receives `orderChanged` for every order the user may see. Without it:
 * the anonymous connection of the public tracking page, which only follows tracking codes. Give it a `key` of the
 * user's id so another user gets another connection.
 */
export function LiveUpdatesProvider({ signedIn = false, children }: { signedIn?: boolean; children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [live] = useState(() => {
    const open = api.hub ?? createSignalRConnectionFactory(api.baseUrl);
    const accessTokenFactory = async () => {
      const token = await api.freshAccessToken();
      if (!token) throw new Error('Signed out: no access token for the live-update connection.');
      return token;
    };
    return createLiveUpdates({ queryClient, connect: () => open(signedIn ? { accessTokenFactory } : {}) });
  });

  useEffect(() => {
    live.start();
    return () => void live.stop();
  }, [live]);

  return <LiveUpdatesContext.Provider value={live}>{children}</LiveUpdatesContext.Provider>;
}
