import {
  AnalyticsClient,
  type LoginCommand,
  AssigneesClient,
  AuthClient,
  CourierPositionClient,
  MapSettingsClient,
  MerchantsClient,
  NotificationSettingsClient,
  OrderEmailsClient,
  OrdersClient,
  PartnersClient,
  TrackingClient,
  UnsubscribeClient,
  TrackingPageSettingsClient,
  UsersClient,
  WebhookEndpointsClient,
  type ApiClientConfiguration,
} from './api/generated';
import { createAuthenticatedFetch, type FetchFn, type HttpLike } from './authenticated-fetch';
import type { HubConnectionFactory } from './hub-connection';
import { createSessionStore, sessionFromLogin, type Session, type SessionStore } from './session';
import { documentSessionHint, type SessionHint } from './session-hint';

/** A token used for a live connection must outlive its handshake: renew it when less than this is left. */
const hubTokenMargin = 60_000;

/**
 * Asks the API for the browser transport of the refresh token: the HttpOnly cookie __Host-ot_refresh that no script
 * can read, never a token in a response body (docs/decisions: refresh token in a cookie).
 */
const cookieTransport = 'cookie';

export interface ApiOptions {
  /** Same origin by default: the WebApi serves the client, and `npm run dev` proxies /api. */
  baseUrl?: string;
  /** The network boundary; tests pass a fake here. */
  fetch?: FetchFn;
  sessions?: SessionStore;
  /** Opens connections to the live-update hub; tests pass a fake here, the app uses SignalR (lib/hub-connection). */
  hub?: HubConnectionFactory;
  /** Whether a session may be restored on load; the `__Host-ot_session` cookie by default (lib/session-hint). */
  sessionHint?: SessionHint;
}

/** Runs a session renewal under a lock shared by this origin's tabs (Web Locks), where the browser has them. */
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('order-tracking.session-renewal', work) as Promise<T>) : work();
}

/**
 * The generated NSwag clients, configured once: base URL, the access token from the session store, and an `http`
 * that renews the session on 401. Everything that talks to the API goes through these objects.
 */
export function createApi(options: ApiOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const fetchFn: FetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const sessions = options.sessions ?? createSessionStore();
  const sessionHint = options.sessionHint ?? documentSessionHint;

  const withToken: ApiClientConfiguration = { getAccessToken: () => sessions.get()?.accessToken };
  const anonymous: ApiClientConfiguration = { getAccessToken: () => undefined };
  const plainHttp: HttpLike = { fetch: fetchFn };

  // Renewal goes through its own AuthClient on plain fetch, so a 401 from the refresh route can never loop.
  const renewalClient = new AuthClient(anonymous, baseUrl, plainHttp);
  const renew = (staleAccessToken: string | null): Promise<Session | null> =>
    oneTabAtATime(async () => {
      // Another tab may have renewed while this one waited for the lock, and handed its session over: use it
      // instead of rotating the cookie once more.
      const current = sessions.get();
      if (current && current.accessToken !== staleAccessToken && current.expiresAt - Date.now() > hubTokenMargin) return current;
      return sessionFromLogin(await renewalClient.refresh({}, cookieTransport));
    });
  const http = createAuthenticatedFetch(fetchFn, sessions, renew);

  const auth = new AuthClient(withToken, baseUrl, http);
  let restoring: Promise<SessionRestore> | null = null;

  return {
    baseUrl,
    sessions,
    hub: options.hub,
    /**
     * An access token for the live-update hub, renewed first when it expires within a minute (the server ends a
     * hub connection when its token expires, and a connection opened with an expired token would be anonymous).
     * Shares the renewal of the generated clients; null when signed out or the API refused the renewal.
     */
    async freshAccessToken(): Promise<string | null> {
      const session = sessions.get();
      if (!session) return null;
      if (session.expiresAt - Date.now() > hubTokenMargin) return session.accessToken;
      const renewed = await http.renewSession(session.accessToken);
      return renewed?.accessToken ?? null;
    },
    /**
     * Restores the session on load from the refresh-token cookie (a reload, a new tab). Runs once; resolves when
     * the answer is in: signed in, signed out, or the API could not be reached (the tab starts signed out, unless
     * the caller resumes a courier's offline session). Without the session hint there is nothing to restore and
     * nothing is asked: signed out.
     */
    restoreSession(): Promise<SessionRestore> {
      restoring ??= sessionHint.present()
        ? http.renewSession(null).then(
            (session): SessionRestore => {
              if (session) return 'signed-in';
              sessionHint.forget();
              return 'signed-out';
            },
            (): SessionRestore => 'unreachable',
          )
        : Promise.resolve<SessionRestore>('signed-out');
      return restoring;
    },
    /** Signs in; the refresh token arrives as an HttpOnly cookie, the access token stays in memory. */
    async signIn(credentials: LoginCommand): Promise<Session> {
      const session = sessionFromLogin(await auth.login(credentials, cookieTransport));
      sessions.set(session);
      return session;
    },
    auth,
    orders: new OrdersClient(withToken, baseUrl, http),
    users: new UsersClient(withToken, baseUrl, http),
    partners: new PartnersClient(withToken, baseUrl, http),
    webhooks: new WebhookEndpointsClient(withToken, baseUrl, http),
    merchants: new MerchantsClient(withToken, baseUrl, http),
    assignees: new AssigneesClient(withToken, baseUrl, http),
    analytics: new AnalyticsClient(withToken, baseUrl, http),
    tracking: new TrackingClient(anonymous, baseUrl, plainHttp),
    notificationSettings: new NotificationSettingsClient(withToken, baseUrl, http),
    orderEmails: new OrderEmailsClient(withToken, baseUrl, http),
    unsubscribe: new UnsubscribeClient(anonymous, baseUrl, plainHttp),
    courierPositions: new CourierPositionClient(withToken, baseUrl, http),
    trackingPage: new TrackingPageSettingsClient(withToken, baseUrl, http),
    mapSettings: new MapSettingsClient(anonymous, baseUrl, plainHttp),
    /**
     * Revokes the session on the server and clears its cookie; always ends the local session (and the other tabs'),
     * even offline.
     */
    async signOut(): Promise<void> {
      try {
        if (sessions.get()) await auth.logout({}, cookieTransport);
      } catch {
        // Signing out must always work locally, even offline or with an already revoked token.
      } finally {
        sessions.set(null);
      }
    },
  };
}

export type Api = ReturnType<typeof createApi>;

export type SessionRestore = 'signed-in' | 'signed-out' | 'unreachable';
