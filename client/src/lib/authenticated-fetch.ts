import type { Session, SessionStore } from './session';

export interface HttpLike {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

export type FetchFn = (url: RequestInfo, init?: RequestInit) => Promise<Response>;

/** Renews a session from its refresh token; resolves null when that is impossible (no refresh route, spent token). */
export type SessionRenewer = (refreshToken: string) => Promise<Session | null>;

const authRoutes = /\/api\/auth\/(login|refresh|logout)(\?|$)/;

function urlOf(input: RequestInfo): string {
  return typeof input === 'string' ? input : input.url;
}

function withBearer(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * The `http` every generated client gets: plain fetch, except that a 401 on a signed-in call renews the session
 * once with the refresh token and retries the call with the new access token. Without a refresh token, or when
 * renewal fails, the session is cleared (the router then shows the sign-in page). Concurrent 401s share one renewal.
 */
export function createAuthenticatedFetch(fetchFn: FetchFn, sessions: SessionStore, renew: SessionRenewer): HttpLike {
  let renewal: Promise<Session | null> | null = null;

  function renewOnce(refreshToken: string): Promise<Session | null> {
    renewal ??= renew(refreshToken)
      .catch(() => null)
      .then((session) => {
        sessions.set(session);
        return session;
      })
      .finally(() => {
        renewal = null;
      });
    return renewal;
  }

  return {
    async fetch(url, init) {
      const sessionUsed = sessions.get();
      const response = await fetchFn(url, init);
      if (response.status !== 401 || !sessionUsed || authRoutes.test(urlOf(url))) return response;

      // Another call may already have renewed the session while this one was in flight.
      const current = sessions.get();
      if (current && current.accessToken !== sessionUsed.accessToken) {
        return fetchFn(url, withBearer(init, current.accessToken));
      }

      const refreshToken = current?.refreshToken;
      const renewed = refreshToken ? await renewOnce(refreshToken) : null;
      if (!renewed) {
        sessions.set(null);
        return response;
      }
      return fetchFn(url, withBearer(init, renewed.accessToken));
    },
  };
}
