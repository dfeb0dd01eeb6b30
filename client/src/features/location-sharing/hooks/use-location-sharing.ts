import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '@/lib/errors';
import { useOrdersOutForDelivery, useReportPosition } from '../api/use-location-sharing-api';
import { shouldSend, type Fix } from '../utils/throttle';

/** `off`: nothing out for delivery; `sharing`; `paused` by the courier; `blocked`: the browser refused the position. */
export type SharingState = 'off' | 'sharing' | 'paused' | 'blocked' | 'unavailable';

const pausedKey = 'order-tracking.location-sharing.paused';

function readPaused(): boolean {
  try {
    return sessionStorage.getItem(pausedKey) === '1';
  } catch {
    return false;
  }
}

/**
 * Shares the courier's position while it has an order out for delivery and has not paused: the device's
 * `watchPosition`, thinned out (every 15 s or 50 m), each fix sent to the API. Stops by itself when the last order out
 * for delivery ends (the list empties, or the API says 409) and when the component unmounts (sign-out).
 */
export function useLocationSharing(courierId: string) {
  const out = useOrdersOutForDelivery(courierId);
  const report = useReportPosition();
  const [paused, setPaused] = useState(readPaused);
  const [refused, setRefused] = useState<'blocked' | 'unavailable' | null>(null);
  const [lastSentAt, setLastSentAt] = useState<number | null>(null);
  const lastSent = useRef<Fix | undefined>(undefined);
  const refetch = out.refetch;
  const send = report.mutate;
  const carrying = out.data?.items?.length ?? 0;
  const active = carrying > 0 && !paused;

  const hasGeolocation = typeof navigator !== 'undefined' && !!navigator.geolocation;

  useEffect(() => {
    if (!active || !hasGeolocation) return;
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        setRefused(null);
        const fix: Fix = {
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracy: position.coords.accuracy,
          at: position.timestamp || Date.now(),
        };
        if (!shouldSend(lastSent.current, fix)) return;
        lastSent.current = fix;
        send(
          { latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy, recordedAt: new Date(fix.at).toISOString() },
          {
            onSuccess: () => setLastSentAt(Date.now()),
            onError: (error) => {
              // Nothing out for delivery any more (delivered or failed meanwhile): the list tells the rest.
              if (toApiError(error).status === 409) void refetch();
            },
          },
        );
      },
      (error) => setRefused(error.code === error.PERMISSION_DENIED ? 'blocked' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [active, hasGeolocation, send, refetch]);

  const setPausedAndRemember = useCallback((value: boolean) => {
    setPaused(value);
    lastSent.current = undefined;
    try {
      if (value) sessionStorage.setItem(pausedKey, '1');
      else sessionStorage.removeItem(pausedKey);
    } catch {
      // Private mode without storage: the pause lasts until the page reloads.
    }
  }, []);

  const state: SharingState = carrying === 0 ? 'off' : paused ? 'paused' : !hasGeolocation ? 'unavailable' : (refused ?? 'sharing');
  return { state, carrying, lastSentAt, pause: () => setPausedAndRemember(true), resume: () => setPausedAndRemember(false) };
}
