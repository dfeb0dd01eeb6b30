import { act, render, screen, waitFor } from '@testing-library/react';
import { LiveIndicator } from '@/components/live-indicator';
import type { LiveStatus, LiveUpdates } from '@/lib/live-updates';
import { LiveUpdatesContext } from '@/lib/live-updates-context';
import { LiveUpdatesProvider } from '@/lib/live-updates-provider';
import { createFakeFetch } from '@/testing/fake-fetch';
import { createFakeHub } from '@/testing/fake-hub';
import { merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';

const refreshAnswer = { accessToken: 'fresh-access', expiresIn: 900, user: merchantUser };

describe('LiveUpdatesProvider', () => {
  it('connects a signed-in user with the current access token while it has more than a minute left', async () => {
    const { hub, network } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <LiveIndicator />
      </LiveUpdatesProvider>,
      { session: sessionFor(merchantUser, { accessToken: 'current-access' }) },
    );

    expect(await screen.findByRole('status', { name: 'Live updates' })).toHaveTextContent('Live');
    expect(hub.latest.tokens).toEqual(['current-access']);
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(0);
  });

  it('renews a token about to expire before connecting, through the session renewal of the API clients', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/refresh', (request) =>
      request.headers.get('X-Session-Transport') === 'cookie' ? { body: refreshAnswer } : { status: 401 },
    );
    const { hub, sessions } = renderWithApp(
      <LiveUpdatesProvider signedIn>
        <LiveIndicator />
      </LiveUpdatesProvider>,
      {
        network,
        session: sessionFor(merchantUser, { accessToken: 'old-access', expiresAt: Date.now() + 20_000 }),
      },
    );

    await waitFor(() => expect(hub.latest.connected).toBe(true));
    expect(hub.latest.tokens).toEqual(['fresh-access']);
    expect(sessions.get()).toMatchObject({ accessToken: 'fresh-access' });
  });

  it('reconnects with a renewed token after the server ends the connection because its token expired', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/refresh', { body: refreshAnswer });
    const { hub, sessions } = renderWithApp(<LiveUpdatesProvider signedIn>{null}</LiveUpdatesProvider>, {
      network,
      session: sessionFor(merchantUser, { accessToken: 'old-access' }),
    });
    await waitFor(() => expect(hub.latest.connected).toBe(true));

    // Fifteen minutes later the token has run out and the server closes the connection.
    act(() => sessions.set({ ...sessions.get()!, expiresAt: Date.now() - 1_000 }));
    act(() => hub.latest.drop(new Error('Server timeout elapsed without receiving a message from the server.')));

    await waitFor(() => expect(hub.latest.tokens).toEqual(['old-access', 'fresh-access']));
    expect(hub.latest.connected).toBe(true);
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('keeps the session and keeps trying when the renewal cannot reach the API', async () => {
    const network = createFakeFetch();
    const expiring = sessionFor(merchantUser, { accessToken: 'old-access', expiresAt: Date.now() + 5_000 });
    let reachable = false;
    network.post('/api/auth/refresh', () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return { body: refreshAnswer };
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { hub, sessions } = renderWithApp(
        <LiveUpdatesProvider signedIn>
          <LiveIndicator />
        </LiveUpdatesProvider>,
        { network, session: expiring },
      );
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(hub.latest.connected).toBe(false);
      expect(sessions.get()).toEqual(expiring);

      reachable = true;
      await act(() => vi.advanceTimersByTimeAsync(1_500));

      expect(hub.latest.connected).toBe(true);
      expect(hub.latest.tokens).toEqual(['fresh-access']);
      expect(screen.getByRole('status', { name: 'Live updates' })).toHaveTextContent('Live');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens an anonymous connection (no token) for the public tracking page', async () => {
    const hub = createFakeHub();
    renderWithApp(<LiveUpdatesProvider>{null}</LiveUpdatesProvider>, { hub });
    await waitFor(() => expect(hub.latest.connected).toBe(true));
    expect(hub.latest.options.accessTokenFactory).toBeUndefined();
  });

  it('closes its connection when it unmounts (sign-out, leaving the page)', async () => {
    const { hub, unmount } = renderWithApp(<LiveUpdatesProvider signedIn>{null}</LiveUpdatesProvider>, {
      session: sessionFor(merchantUser),
    });
    await waitFor(() => expect(hub.latest.connected).toBe(true));
    unmount();
    expect(hub.latest.stopped).toBe(true);
  });
});

describe('LiveIndicator', () => {
  function stubLive(status: LiveStatus): LiveUpdates {
    return {
      start: () => undefined,
      stop: async () => undefined,
      getStatus: () => status,
      subscribe: () => () => undefined,
      followTracking: () => () => undefined,
    };
  }

  it.each([
    ['connecting', 'Connecting…'],
    ['live', 'Live'],
    ['reconnecting', 'Reconnecting…'],
    ['offline', 'Offline, retrying'],
  ] as const)('says %s in words, in a polite status region', (status, text) => {
    render(
      <LiveUpdatesContext.Provider value={stubLive(status)}>
        <LiveIndicator />
      </LiveUpdatesContext.Provider>,
    );
    const region = screen.getByRole('status', { name: 'Live updates' });
    expect(region).toHaveTextContent(text);
    // The dot's shape and the colours follow the state (live-indicator.module.css).
    expect(region).toHaveAttribute('data-status', status);
  });

  it('shows nothing on a page without a live connection', () => {
    const { container } = render(<LiveIndicator />);
    expect(container).toBeEmptyDOMElement();
  });
});
