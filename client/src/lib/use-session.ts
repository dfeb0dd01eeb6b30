import { useSyncExternalStore } from 'react';
import type { UserDto, UserRole } from './api/generated';
import { useApi } from './api-context';
import type { Session } from './session';

export function useSession(): Session | null {
  const { sessions } = useApi();
  return useSyncExternalStore(sessions.subscribe, sessions.get, sessions.get);
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useCurrentUser(): UserDto & { role: UserRole; id: string } {
  const session = useSession();
  if (!session?.user.role || !session.user.id) throw new Error('useCurrentUser needs a signed-in user.');
  return session.user as UserDto & { role: UserRole; id: string };
}
