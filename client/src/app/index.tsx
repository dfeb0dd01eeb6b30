import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createApi } from '@/lib/api-client';
import { clearWhenTheUserChanges, createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App() {
  const [api] = useState(() => createApi());
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  // The session lives in memory: a reload or a new tab restores it from the refresh-token cookie before the
  // routes decide between the signed-in screens and the sign-in page.
  const [restored, setRestored] = useState(false);

  useEffect(() => clearWhenTheUserChanges(api.sessions, queryClient), [api, queryClient]);
  useEffect(() => {
    // The courier's device storage is loaded beside the session, not in the first page's code.
    const device = import('@/lib/offline/offline-session');
    let stopKeeping: (() => void) | undefined;
    let stopped = false;
    void Promise.all([api.restoreSession(), device]).then(
      async ([outcome, { forgetEndedSession, keepCourierOnDevice, resumeOfflineSession }]) => {
        // Offline, a courier's app still opens: on its saved deliveries, with changes kept until the network returns.
        if (outcome === 'unreachable') await resumeOfflineSession(api.sessions);
        else if (outcome === 'signed-out') await forgetEndedSession();
        if (!stopped) stopKeeping = keepCourierOnDevice(api.sessions);
        setRestored(true);
      },
    );
    return () => {
      stopped = true;
      stopKeeping?.();
    };
  }, [api]);

  if (!restored) return null;
  return (
    <AppProvider api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
