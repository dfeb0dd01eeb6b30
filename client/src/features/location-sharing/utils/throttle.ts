/** A position as the Geolocation API gives it, with the device's time. */
export interface Fix {
  latitude: number;
  longitude: number;
  accuracy: number;
  at: number;
}

/** Send again at the latest after this long, even standing still, so the customer sees the courier is there. */
export const sendEveryMs = 15_000;
/** …or sooner once the courier has moved this far. */
export const sendAfterMeters = 50;
/** …but never more often than this (the API allows 20 a minute). */
export const minimumGapMs = 4_000;
/** A fix less precise than this is not worth showing (the API refuses above 1 000 m). */
export const worstAccuracyMeters = 1_000;

/** Metres between two fixes as the crow flies (haversine). */
export function metersBetween(a: Pick<Fix, 'latitude' | 'longitude'>, b: Pick<Fix, 'latitude' | 'longitude'>): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a new fix is worth sending: every 15 s or 50 m, whichever comes first, never twice within 4 s. */
export function shouldSend(lastSent: Fix | undefined, next: Fix): boolean {
  if (next.accuracy > worstAccuracyMeters) return false;
  if (!lastSent) return true;
  const elapsed = next.at - lastSent.at;
  if (elapsed < minimumGapMs) return false;
  return elapsed >= sendEveryMs || metersBetween(lastSent, next) >= sendAfterMeters;
}
