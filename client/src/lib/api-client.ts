import {
  AssigneesClient,
  AuthClient,
  OrdersClient,
  PartnersClient,
  TrackingClient,
  UsersClient,
  type ApiClientConfiguration,
  type LoginResult,
} from './api/generated';
import { createAuthenticatedFetch, type FetchFn, type HttpLike } from './authenticated-fetch';
import { createSessionStore, sessionFromLogin, type Session, type SessionStore } from './session';

export interface ApiOptions {
  /** Same origin by default: the WebApi serves the client, and `npm run dev` proxies /api. */
  baseUrl?: string;
  /** The network boundary; tests pass a fake here. */
  fetch?: FetchFn;
  sessions?: SessionStore;
}

/** The refresh and logout operations, present in the generated AuthClient once the API ships refresh-token rotation. */
interface SessionOperations {
  refresh?(request: { refreshToken?: string }, signal?: AbortSignal): Promise<LoginResult>;
  logout?(request: { refreshToken?: string }, signal?: AbortSignal): Promise<void>;
}

/**
 * The generated NSwag clients, configured once: base URL, the access token from the session store, and an `http`
 * that renews the session on 401. Everything that talks to the API goes through these objects.
 */
export function createApi(options: ApiOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const fetchFn: FetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const sessions = options.sessions ?? createSessionStore();

  const withToken: ApiClientConfiguration = { getAccessToken: () => sessions.get()?.accessToken };
  const anonymous: ApiClientConfiguration = { getAccessToken: () => undefined };
  const plainHttp: HttpLike = { fetch: fetchFn };

  // Renewal goes through its own AuthClient on plain fetch, so a 401 from the refresh route can never loop.
  const renewalClient = new AuthClient(anonymous, baseUrl, plainHttp) as AuthClient & SessionOperations;
  const renew = async (refreshToken: string): Promise<Session | null> => {
    if (typeof renewalClient.refresh !== 'function') return null;
    return sessionFromLogin(await renewalClient.refresh({ refreshToken }));
  };
  const http = createAuthenticatedFetch(fetchFn, sessions, renew);

  const auth = new AuthClient(withToken, baseUrl, http) as AuthClient & SessionOperations;

  return {
    sessions,
    auth,
    orders: new OrdersClient(withToken, baseUrl, http),
    users: new UsersClient(withToken, baseUrl, http),
    partners: new PartnersClient(withToken, baseUrl, http),
    assignees: new AssigneesClient(withToken, baseUrl, http),
    tracking: new TrackingClient(anonymous, baseUrl, plainHttp),
    /** Revokes the refresh-token family on the server when the API supports it; always ends the local session. */
    async signOut(): Promise<void> {
      const refreshToken = sessions.get()?.refreshToken;
      try {
        if (refreshToken && typeof auth.logout === 'function') await auth.logout({ refreshToken });
      } catch {
        // Signing out must always work locally, even offline or with an already revoked token.
      } finally {
        sessions.set(null);
      }
    },
  };
}

export type Api = ReturnType<typeof createApi>;
