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
    void api.restoreSession().then(() => setRestored(true));
  }, [api]);

  if (!restored) return null;
  return (
    <AppProvider api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
