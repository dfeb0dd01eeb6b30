import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createApi } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App() {
  const [api] = useState(() => createApi());
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <AppProvider api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
