import type { LoginResult, UserDto } from './api/generated';

/** The signed-in user's tokens and profile, kept in localStorage so a reload or a new tab stays signed in. */
export interface Session {
  accessToken: string;
  /** Null until the API issues refresh tokens; then a 401 renews the session with it. */
  refreshToken: string | null;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: UserDto;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
  /** Re-reads the stored session: another tab may have renewed or ended it a moment ago. */
  latest(): Session | null;
}

const storageKey = 'order-tracking.session';

function readStored(storage: Storage | null): Session | null {
  try {
    const raw = storage?.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/**
 * A tiny observable store; React reads it with useSyncExternalStore (lib/use-session). Pass null for a store that
 * only lives in memory (tests).
 */
export function createSessionStore(storage: Storage | null = globalThis.localStorage ?? null): SessionStore {
  let current = readStored(storage);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  // Tabs share one session: a renewal or a sign-out in one tab reaches the others, so none of them sends a
  // spent refresh token (which would revoke the whole family).
  if (storage && typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== storageKey && event.key !== null) return;
      current = readStored(storage);
      notify();
    });
  }

  return {
    get: () => current,
    set(session) {
      current = session;
      try {
        if (session) storage?.setItem(storageKey, JSON.stringify(session));
        else storage?.removeItem(storageKey);
      } catch {
        // Storage can be full or disabled (private mode); the in-memory session still works for this tab.
      }
      notify();
    },
    latest() {
      const stored = storage ? readStored(storage) : current;
      if (stored?.accessToken !== current?.accessToken) {
        current = stored;
        notify();
      }
      return current;
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
    refreshToken: result.refreshToken ?? null,
    expiresAt: now + (result.expiresIn ?? 0) * 1000,
    user: result.user,
  };
}
