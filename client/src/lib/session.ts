import type { LoginResult, UserDto } from './api/generated';

/**
 * The signed-in user's access token and profile. It lives in this tab's memory only: the refresh token is an
 * HttpOnly cookie the server sets (no script can read it), and a reload restores the session from that cookie.
 */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: UserDto;
}

export interface SessionStore {
  get(): Session | null;
  /** Sets this tab's session and hands it to the other tabs of this origin. */
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

/** What tabs tell each other: a freshly minted session, or that the user signed out. */
type TabMessage = { kind: 'session'; session: Session } | { kind: 'signed-out' };

/** The part of BroadcastChannel the store uses. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
}

export const tabChannelName = 'order-tracking.session';

function openTabChannel(): TabChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(tabChannelName);
}

/**
 * A tiny observable store; React reads it with useSyncExternalStore (lib/use-session). Tabs share one session over
 * a BroadcastChannel (same origin only, nothing written to storage): a sign-in or renewal in one tab reaches the
 * others, and so does a sign-out. Pass null for a store of this tab alone (tests).
 */
export function createSessionStore(channel: TabChannel | null = openTabChannel()): SessionStore {
  let current: Session | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  channel?.addEventListener('message', ({ data }) => {
    current = data.kind === 'session' ? data.session : null;
    notify();
  });

  return {
    get: () => current,
    set(session) {
      const hadSession = current !== null;
      current = session;
      // A tab that found no session on load has nothing to end in the others.
      if (session) channel?.postMessage({ kind: 'session', session });
      else if (hadSession) channel?.postMessage({ kind: 'signed-out' });
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function sessionFromLogin(result: LoginResult, now = Date.now()): Session {
  if (!result.accessToken || !result.user) throw new Error('The sign-in answer has no access token or user.');
  return {
    accessToken: result.accessToken,
    expiresAt: now + (result.expiresIn ?? 0) * 1000,
    user: result.user,
  };
}
