import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createApi } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { createSessionStore, type Session } from '@/lib/session';
import { createFakeFetch, type FakeFetch } from './fake-fetch';

export interface RenderOptions {
  network?: FakeFetch;
  session?: Session | null;
  /** The URL to start at, and the path pattern the element is mounted under (for useParams). */
  at?: string;
  path?: string;
  extraRoutes?: RouteObject[];
}

/**
 * Renders a component as the app would (providers, a router, the real generated clients) with the network
 * replaced by a fake fetch, the only thing a test controls.
 */
export function renderWithApp(ui: ReactElement, options: RenderOptions = {}) {
  const network = options.network ?? createFakeFetch();
  const sessions = createSessionStore(null);
  if (options.session) sessions.set(options.session);
  const api = createApi({ fetch: network.fetch, sessions });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter([{ path: options.path ?? '/', element: ui }, ...(options.extraRoutes ?? [])], {
    initialEntries: [options.at ?? '/'],
  });
  const result = render(
    <AppProvider api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, network, api, router, sessions };
}
