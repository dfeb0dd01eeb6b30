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
      listeners.forEach((listener) => listener());
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
