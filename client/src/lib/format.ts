const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown or half-typed currency code must not break a live total.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : timeOnly.format(date);
}

/**
 * When a step happened and, for a step made offline, when the server got it: "14:02, sent 14:37". A step that
 * arrived within a minute of being made shows one time.
 */
export function madeAndSent(occurredAt: string | undefined | null, receivedAt: string | undefined | null): string {
  return sentLater(occurredAt, receivedAt)
    ? `${formatTime(occurredAt)}, sent ${formatTime(receivedAt)}`
    : formatTime(receivedAt ?? occurredAt);
}

/** Whether a step reached the server a minute or more after it was made (made offline). */
export function sentLater(occurredAt: string | undefined | null, receivedAt: string | undefined | null): boolean {
  return !!occurredAt && !!receivedAt && new Date(receivedAt).getTime() - new Date(occurredAt).getTime() >= 60_000;
}

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateOnly.format(date);
}

/** A local `yyyy-mm-dd` from a date input → the UTC instant of that local midnight (start) or the next one (end). */
export function localDayStart(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function localDayEnd(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function shortId(id: string | undefined | null): string {
  return id ? id.slice(-8) : '—';
}
