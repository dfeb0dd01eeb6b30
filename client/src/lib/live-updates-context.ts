import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { LiveStatus, LiveUpdates } from './live-updates';

/** The live-update connection of the page, when it has one (lib/live-updates-provider). */
export const LiveUpdatesContext = createContext<LiveUpdates | null>(null);

const noSubscription = () => () => undefined;
const noStatus = () => null;

/** The state of the page's live-update connection, or null on a page without one. */
export function useLiveStatus(): LiveStatus | null {
  const live = useContext(LiveUpdatesContext);
  return useSyncExternalStore(live ? live.subscribe : noSubscription, live ? live.getStatus : noStatus, live ? live.getStatus : noStatus);
}

/** Follows one tracking code's public view while the calling component is mounted (no-op without a connection). */
export function useFollowTracking(trackingCode: string) {
  const live = useContext(LiveUpdatesContext);
  useEffect(() => {
    if (!live || !trackingCode.trim()) return;
    return live.followTracking(trackingCode);
  }, [live, trackingCode]);
}
