import { createApi } from '@/lib/api-client';
import { createAuthenticatedFetch } from '@/lib/authenticated-fetch';
import { ApiError, apiCall } from '@/lib/errors';
import { createSessionStore, type Session } from '@/lib/session';
import { createFakeFetch } from '@/testing/fake-fetch';
import { anOrder, merchantUser, sessionFor } from '@/testing/data';

const expired = sessionFor(merchantUser, { accessToken: 'expired-access', refreshToken: 'refresh-1' });
const renewed: Session = sessionFor(merchantUser, { accessToken: 'fresh-access', refreshToken: 'refresh-2' });
const unauthenticated = { status: 401, body: { type: '/problems/unauthenticated', title: 'Unauthorized', status: 401 } };

/** Orders answer 401 to the expired token and 200 to the fresh one, like the API after expiry. */
function networkWithExpiredToken() {
  const network = createFakeFetch();
  network.get('/api/orders', (request) =>
    request.headers.get('Authorization') === 'Bearer fresh-access' ? { body: { items: [anOrder()], nextCursor: null } } : unauthenticated,
  );
  return network;
}

describe('session renewal (401 → refresh → retry)', () => {
  it('renews the session once with the refresh token and retries the call with the new access token', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const renew = vi.fn(async (refreshToken: string) => (refreshToken === 'refresh-1' ? renewed : null));
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

  it('signs out when the refresh token is refused', async () => {
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

  it('signs out on 401 when there is no refresh token, and the call fails as unauthenticated', async () => {
    const network = networkWithExpiredToken();
    const sessions = createSessionStore(null);
    sessions.set({ ...expired, refreshToken: null });
    const api = createApi({ fetch: network.fetch, sessions });

    const failure = await apiCall(api.orders.list()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('unauthenticated');
    expect(sessions.get()).toBeNull();
    expect(network.sent('GET', '/api/orders')).toHaveLength(1);
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

  it('renews through POST /api/auth/refresh of the generated AuthClient', async () => {
    const network = networkWithExpiredToken();
    network.post('/api/auth/refresh', (request) =>
      (request.body as { refreshToken?: string }).refreshToken === 'refresh-1'
        ? { body: { accessToken: 'fresh-access', refreshToken: 'refresh-2', expiresIn: 900, user: merchantUser } }
        : unauthenticated,
    );
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    const page = await apiCall(api.orders.list());

    expect(page.items).toHaveLength(1);
    expect(sessions.get()).toMatchObject({ accessToken: 'fresh-access', refreshToken: 'refresh-2' });
    expect(network.sent('POST', '/api/auth/refresh')[0]!.headers.get('Authorization')).toBeNull();
  });

  it('signs out when the API refuses the refresh token (spent or revoked)', async () => {
    const network = networkWithExpiredToken();
    network.post('/api/auth/refresh', unauthenticated);
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    const failure = await apiCall(api.orders.list()).catch((e: unknown) => e);

    expect((failure as ApiError).kind).toBe('unauthenticated');
    expect(sessions.get()).toBeNull();
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(1);
  });
});

describe('session renewal across tabs', () => {
  it('uses the session another tab already renewed instead of spending the refresh token again', async () => {
    const shared = new Map<string, string>();
    const storage = {
      getItem: (k: string) => shared.get(k) ?? null,
      setItem: (k: string, v: string) => void shared.set(k, v),
      removeItem: (k: string) => void shared.delete(k),
    } as Storage;
    const otherTab = createSessionStore(storage);
    otherTab.set(expired);
    const thisTab = createSessionStore(storage);
    otherTab.set(renewed); // the other tab renewed; this tab still holds the expired session in memory
    const network = networkWithExpiredToken();
    network.post('/api/auth/refresh', unauthenticated);
    const api = createApi({ fetch: network.fetch, sessions: thisTab });

    const page = await apiCall(api.orders.list());

    expect(page.items).toHaveLength(1);
    expect(network.sent('POST', '/api/auth/refresh')).toHaveLength(0);
    expect(thisTab.get()).toEqual(renewed);
  });
});

describe('sign-out', () => {
  it('revokes the refresh-token family on the server and ends the local session', async () => {
    const network = createFakeFetch();
    network.post('/api/auth/logout', { status: 204 });
    const sessions = createSessionStore(null);
    sessions.set(expired);
    const api = createApi({ fetch: network.fetch, sessions });

    await api.signOut();

    expect(network.sent('POST', '/api/auth/logout')[0]!.body).toEqual({ refreshToken: 'refresh-1' });
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
