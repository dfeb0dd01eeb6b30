import { createApi } from '@/lib/api-client';
import { createAuthenticatedFetch } from '@/lib/authenticated-fetch';
import { ApiError, apiCall } from '@/lib/errors';
import { createSessionStore, type Session, type SessionStore } from '@/lib/session';
import type { SessionHint } from '@/lib/session-hint';
import { createFakeFetch, type FakeFetch, type RecordedRequest } from '@/testing/fake-fetch';
import { anOrder, merchantUser, sessionFor } from '@/testing/data';

const expired = sessionFor(merchantUser, { accessToken: 'expired-access' });
const renewed: Session = sessionFor(merchantUser, { accessToken: 'fresh-access' });
const unauthenticated = { status: 401, body: { type: '/problems/unauthenticated', title: 'Unauthorized', status: 401 } };
const freshAnswer = { accessToken: 'fresh-access', expiresIn: 900, user: merchantUser };

/** Orders answer 401 to the expired token and 200 to the fresh one, like the API after expiry. */
function networkWithExpiredToken() {
  const network = createFakeFetch();
  network.get('/api/orders', (request) =>
    request.headers.get('Authorization') === 'Bearer fresh-access' ? { body: { items: [anOrder()], nextCursor: null } } : unauthenticated,
  );
  return network;
}

/** The browser's cookie jar as the API sees it: the refresh answers only to the cookie transport, with a cookie set. */
function withSessionCookie(network: FakeFetch, { cookie = true, answer = freshAnswer } = {}) {
  network.post('/api/auth/refresh', (request: RecordedRequest) =>
    cookie && request.headers.get('X-Session-Transport') === 'cookie' ? { body: answer } : unauthenticated,
  );
}

/** The "a session may exist" cookie, as the page reads it. */
function hint(present: boolean): SessionHint {
  return { present: () => present, forget: vi.fn() };
}

const channels: BroadcastChannel[] = [];

/** A store of one tab, talking to the other tabs of this test over a real BroadcastChannel. */
function tab(channelName: string): SessionStore {
  const channel = new BroadcastChannel(channelName);
  channels.push(channel);
  return createSessionStore(channel);
}

afterEach(() => {
  channels.splice(0).forEach((channel) => channel.close());
  vi.unstubAllGlobals();
});

describe('session renewal (401 → refresh with the cookie → retry)', () => {
  it('renews the session once and retries the call with the new access token', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const renew = vi.fn(async (stale: string | null) => (stale === 'expired-access' ? renewed : null));
    const http = createAuthenticatedFetch(network.fetch, sessions, renew);

    const response = await http.fetch('/api/orders', { headers: { Authorization: 'Bearer expired-access' } });

    expect(response.status).toBe(200);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(sessions.get()).toEqual(renewed);
    expect(network.sent('GET', '/api/orders').map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer expired-access',
      'Bearer fresh-access',
    ]);
  });

  it('shares one renewal between calls that fail together', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const renew = vi.fn(async () => renewed);
    const http = createAuthenticatedFetch(network.fetch, sessions, renew);

    const answers = await Promise.all(
      [1, 2, 3].map(() => http.fetch('/api/orders', { headers: { Authorization: 'Bearer expired-access' } })),
    );

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('signs out when the renewal is refused', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const http = createAuthenticatedFetch(network.fetch, sessions, async () => {
      throw new Error('401 from /api/auth/refresh');
    });

    const response = await http.fetch('/api/orders', { headers: { Authorization: 'Bearer expired-access' } });

    expect(response.status).toBe(401);
    expect(sessions.get()).toBeNull();
  });

  it('keeps the session when the API cannot be reached during renewal, and the call fails as a network error', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({
      fetch: (url, init) =>
        String(url).includes('/api/auth/refresh') ? Promise.reject(new TypeError('Failed to fetch')) : network.fetch(url, init),
      sessions,
    });

    const failure = await apiCall(api.orders.list()).catch((e: unknown) => e);

    expect((failure as ApiError).kind).toBe('network');
    expect(sessions.get()).toEqual(expired);
  });

  it('keeps the session when the refresh is rate limited: a busy API has not refused the session', async () => {
    const network = networkWithExpiredToken();
    network.post('/api/auth/refresh', { status: 429, body: { title: 'Too many requests', status: 429 }, headers: { 'Retry-After': '30' } });
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    const failure = await apiCall(api.orders.list()).catch((e: unknown) => e);

    expect((failure as ApiError).kind).toBe('rate-limited');
    expect(sessions.get()).toEqual(expired);
  });

  it('never tries to renew a failed sign-in', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/login', unauthenticated);
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const renew = vi.fn(async () => renewed);
    const http = createAuthenticatedFetch(network.fetch, sessions, renew);

    const response = await http.fetch('/api/auth/login', { method: 'POST', body: '{}' });

    expect(response.status).toBe(401);
    expect(renew).not.toHaveBeenCalled();
  });

  it('renews through POST /api/auth/refresh with the cookie transport: no token in the request, none in the session', async () => {
    const network = networkWithExpiredToken();
    withSessionCookie(network);
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    const page = await apiCall(api.orders.list());

    expect(page.items).toHaveLength(1);
    expect(sessions.get()).toMatchObject({ accessToken: 'fresh-access' });
    expect(sessions.get()).not.toHaveProperty('refreshToken');
    const [refresh] = network.sent('POST', '/api/auth/refresh');
    expect(refresh!.body).toEqual({});
    expect(refresh!.headers.get('Authorization')).toBeNull();
    expect(refresh!.headers.get('X-Session-Transport')).toBe('cookie');
  });

  it('signs out when the API refuses the cookie (spent, revoked or gone)', async () => {
    const network = networkWithExpiredToken();
    withSessionCookie(network, { cookie: false });
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    const failure = await apiCall(api.orders.list()).catch((e: unknown) => e);

    expect((failure as ApiError).kind).toBe('unauthenticated');
    expect(sessions.get()).toBeNull();
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(1);
  });
});

describe('sign-in and restoring on load', () => {
  it('signs in with the cookie transport and keeps the access token in memory only, never in web storage', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/login', { body: freshAnswer });
    const sessions = createSessionStore(null);
    const api = createApi({ fetch: network.fetch, sessions });

    await api.signIn({ email: 'merchant@example.com', password: 'Merchant123!' });

    expect(sessions.get()).toMatchObject({ accessToken: 'fresh-access', user: merchantUser });
    expect(network.sent('POST', '/api/auth/login')[0]!.headers.get('X-Session-Transport')).toBe('cookie');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('restores the session from the cookie on load', async () => {
    const network = createFakeFetch();
    withSessionCookie(network);
    const sessions = createSessionStore(null);
    const api = createApi({ fetch: network.fetch, sessions, sessionHint: hint(true) });

    await api.restoreSession();

    expect(sessions.get()).toMatchObject({ accessToken: 'fresh-access', user: merchantUser });
  });

  it('asks the API nothing on load without the session hint (a visitor who never signed in)', async () => {
    const network = createFakeFetch();
    withSessionCookie(network);
    const sessions = createSessionStore(null);
    const api = createApi({ fetch: network.fetch, sessions, sessionHint: hint(false) });

    await api.restoreSession();

    expect(sessions.get()).toBeNull();
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(0);
  });

  it('forgets the hint when the API refuses to restore the session, and keeps it when the API is unreachable', async () => {
    const refused = createFakeFetch();
    withSessionCookie(refused, { cookie: false });
    const refusedHint = hint(true);
    await createApi({ fetch: refused.fetch, sessions: createSessionStore(null), sessionHint: refusedHint }).restoreSession();
    expect(refusedHint.forget).toHaveBeenCalledTimes(1);

    const offlineHint = hint(true);
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    await createApi({ fetch: offline, sessions: createSessionStore(null), sessionHint: offlineHint }).restoreSession();
    expect(offlineHint.forget).not.toHaveBeenCalled();
  });

  it('starts signed out without a cookie, and does not sign out the tabs that have a session', async () => {
    const network = createFakeFetch();
    withSessionCookie(network, { cookie: false });
    const signedInTab = tab('restore-without-cookie');
    signedInTab.set(renewed);
    const newTab = tab('restore-without-cookie');
    const api = createApi({ fetch: network.fetch, sessions: newTab, sessionHint: hint(true) });

    await api.restoreSession();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(newTab.get()).toBeNull();
    expect(signedInTab.get()).toEqual(renewed);
  });
});

describe('one session shared by the tabs', () => {
  it('hands a sign-in to the other tabs, and a sign-out ends it in all of them', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/login', { body: freshAnswer });
    network.post('/api/auth/logout', { status: 204 });
    const first = tab('sign-in-and-out');
    const second = tab('sign-in-and-out');
    const api = createApi({ fetch: network.fetch, sessions: first });

    await api.signIn({ email: 'merchant@example.com', password: 'Merchant123!' });
    await vi.waitFor(() => expect(second.get()).toMatchObject({ accessToken: 'fresh-access' }));
    await api.signOut();

    await vi.waitFor(() => expect(second.get()).toBeNull());
    expect(first.get()).toBeNull();
  });

  it('uses the session another tab renewed while this one waited for the renewal lock, instead of rotating the cookie again', async () => {
    let openLock: () => void = () => undefined;
    const lockHeld = new Promise<void>((resolve) => (openLock = resolve));
    vi.stubGlobal('navigator', {
      ...navigator,
      locks: { request: async (_name: string, work: () => Promise<unknown>) => lockHeld.then(work) },
    });
    const network = createFakeFetch();
    withSessionCookie(network);
    const otherTab = tab('renewal-lock');
    const thisTab = tab('renewal-lock');
    thisTab.set(sessionFor(merchantUser, { accessToken: 'expiring-access', expiresAt: Date.now() + 20_000 }));
    const api = createApi({ fetch: network.fetch, sessions: thisTab });

    const token = api.freshAccessToken();
    otherTab.set(renewed);
    await vi.waitFor(() => expect(thisTab.get()).toEqual(renewed));
    openLock();

    expect(await token).toBe('fresh-access');
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(0);
  });
});

describe('sign-out', () => {
  it('ends the session on the server with the cookie transport, sending no token, and ends the local session', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/logout', { status: 204 });
    const sessions = createSessionStore(null);
    sessions.set(renewed);
    const api = createApi({ fetch: network.fetch, sessions });

    await api.signOut();

    const [logout] = network.sent('POST', '/api/auth/logout');
    expect(logout!.body).toEqual({});
    expect(logout!.headers.get('X-Session-Transport')).toBe('cookie');
    expect(logout!.headers.get('Authorization')).toBe('Bearer fresh-access');
    expect(sessions.get()).toBeNull();
  });

  it('renews an expired access token to sign out, so the server still ends the session', async () => {
    const network = createFakeFetch();
    withSessionCookie(network);
    network.post('/api/auth/logout', (request) =>
      request.headers.get('Authorization') === 'Bearer fresh-access' ? { status: 204 } : unauthenticated,
    );
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    await api.signOut();

    expect(network.sent('POST', '/api/auth/logout').map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer expired-access',
      'Bearer fresh-access',
    ]);
    expect(sessions.get()).toBeNull();
  });

  it('ends the local session even when the server cannot be reached', async () => {
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), sessions });

    await api.signOut();

    expect(sessions.get()).toBeNull();
  });
});
