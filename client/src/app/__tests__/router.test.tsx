import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { createApi } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { createSessionStore } from '@/lib/session';
import { createFakeFetch } from '@/testing/fake-fetch';
import { createFakeHub } from '@/testing/fake-hub';

describe('the app router', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads the first screen without the router warning about a missing HydrateFallback', async () => {
    const warnings = vi.spyOn(console, 'warn');
    const api = createApi({ fetch: createFakeFetch().fetch, sessions: createSessionStore(null), hub: createFakeHub().factory });
    const router = createMemoryRouter(routes, { initialEntries: ['/track'] });

    render(
      <AppProvider api={api} queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProvider>,
    );

    expect(await screen.findByRole('heading', { name: 'Track your parcel' })).toBeInTheDocument();
    expect(warnings.mock.calls.flat().filter((text) => String(text).includes('HydrateFallback'))).toEqual([]);
  });
});
