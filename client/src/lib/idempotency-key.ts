/**
 * A random key for the Idempotency-Key header, one per user action (a creation, a status change, an assignment, a
 * claim), so the same request sent again (double click, retry after a lost answer) replays the first answer.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
