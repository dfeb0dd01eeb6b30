import type { Session, SessionStore } from './session';

export interface HttpLike {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

export type FetchFn = (url: RequestInfo, init?: RequestInit) => Promise<Response>;

/** The `http` of the generated clients, and the renewal it runs on 401, for callers outside fetch (the live-update hub). */
export interface AuthenticatedHttp extends HttpLike {
  /**
   * Renews the session whose access token is `staleAccessToken` (null: restore one on load), sharing a renewal
   * already under way. Resolves the new session, or null when the API refused (the session is then cleared);
   * rejects, keeping the session, when the API could not be reached.
   */
  renewSession(staleAccessToken: string | null): Promise<Session | null>;
}

/**
 * Renews a session with the refresh-token cookie; resolves null when that is impossible (no cookie, spent or
 * revoked token). Given the access token that stopped working, so it can tell whether another tab already renewed.
 */
export type SessionRenewer = (staleAccessToken: string | null) => Promise<Session | null>;

// A failed sign-in or renewal is an answer, not an expired token; sign-out does renew, so it can still end the session.
const renewalFreeRoutes = /\/api\/auth\/(login|refresh)(\?|$)/;

function urlOf(input: RequestInfo): string {
  return typeof input === 'string' ? input : input.url;
}

/**
 * A renewal that could not get an answer: fetch rejects with a TypeError when the network fails, and a 429 or a
 * 5xx says nothing about the session. Any other failure of a renewal is a refusal.
 */
function isTemporary(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && (status === 429 || status >= 500);
}

function withBearer(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * The `http` every generated client gets: plain fetch, except that a 401 on a signed-in call renews the session
 * once with the refresh-token cookie and retries the call with the new access token. When the API refuses the
 * renewal the session is cleared (the router then shows the sign-in page); when the API cannot be reached or
 * cannot answer (429, 5xx) the session is kept and the call fails with that error. Concurrent 401s share one renewal.
 */
export function createAuthenticatedFetch(fetchFn: FetchFn, sessions: SessionStore, renew: SessionRenewer): AuthenticatedHttp {
  let renewal: Promise<Session | null> | null = null;

  function renewOnce(staleAccessToken: string | null): Promise<Session | null> {
    renewal ??= renew(staleAccessToken)
      .catch((error: unknown) => {
        // Offline or busy is not a refusal: signing out here would end the session of anyone whose token expired
        // on a train, or who opened a few tabs at once under the sign-in rate limit.
        if (isTemporary(error)) throw error;
        return null;
      })
      .then((session) => {
        if (session !== sessions.get()) sessions.set(session);
        return session;
      })
      .finally(() => {
        renewal = null;
      });
    return renewal;
  }

  return {
    renewSession: renewOnce,
    async fetch(url, init) {
      const sessionUsed = sessions.get();
      const response = await fetchFn(url, init);
      if (response.status !== 401 || !sessionUsed || renewalFreeRoutes.test(urlOf(url))) return response;

      // Another call may already have renewed the session while this one was in flight.
      const current = sessions.get();
      if (current && current.accessToken !== sessionUsed.accessToken) {
        return fetchFn(url, withBearer(init, current.accessToken));
      }

      const renewed = await renewOnce(sessionUsed.accessToken);
      if (!renewed) return response;
      return fetchFn(url, withBearer(init, renewed.accessToken));
    },
  };
}
