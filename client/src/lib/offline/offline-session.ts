import type { SessionStore } from '../session';
import { savedUser, wipeDevice } from './device-store';

/**
 * Opens the courier's app without a network: the API could not be reached to restore the session, so the courier
 * saved on this device is signed in with no access token. The cached deliveries and the outbox work as before; the
 * first request once the network is back renews the session from the refresh-token cookie, or ends it (and
 * {@link keepCourierOnDevice} wipes the device) if the server has ended it meanwhile.
 */
export async function resumeOfflineSession(sessions: SessionStore): Promise<void> {
  const user = await savedUser.get().catch(() => undefined);
  if (user?.role === 'Delivery' && !sessions.get()) sessions.set({ accessToken: '', expiresAt: 0, user });
}

/** The session could not be restored because the server ended it: what the device kept for its courier goes. */
export async function forgetEndedSession(): Promise<void> {
  if (await savedUser.get().catch(() => undefined)) await wipeDevice();
}

/**
 * Remembers a signed-in courier on the device, and wipes what the device kept (cache, outbox, the courier) when the
 * session ends: a sign-out, a refused renewal, another user signing in. Returns the unsubscribe.
 */
export function keepCourierOnDevice(sessions: SessionStore): () => void {
  let current = sessions.get();
  return sessions.subscribe(() => {
    const next = sessions.get();
    const previous = current;
    current = next;
    if (next?.user.id === previous?.user.id) return;
    void (async () => {
      const saved = await savedUser.get().catch(() => undefined);
      if (saved && saved.id !== next?.user.id) await wipeDevice();
      if (next?.user.role === 'Delivery') await savedUser.set(next.user);
    })();
  });
}
