/** A range of local calendar days (yyyy-mm-dd), both ends included, as the date inputs give them. */
export interface DayRange {
  from: string;
  to: string;
}

export const presetDays = [7, 30, 90] as const;

/** The API refuses ranges longer than this (GetAnalyticsSummaryQuery.MaxRange). */
export const maxRangeDays = 731;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | null | undefined): value is string {
  return !!value && dayPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Calendar arithmetic on yyyy-mm-dd, done in UTC so no daylight-saving shift moves the day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last `days` days, today included. */
export function presetRange(days: number, now: Date = new Date()): DayRange {
  const to = today(now);
  return { from: addDays(to, -(days - 1)), to };
}

export function rangeError(range: DayRange): string | undefined {
  if (!isDay(range.from) || !isDay(range.to)) return 'Choose a start and an end date.';
  if (range.from > range.to) return 'The end date is before the start date.';
  if (daysIn(range) > maxRangeDays) return `Choose at most ${maxRangeDays} days.`;
  return undefined;
}

/** The browser's IANA time zone: the API counts each order on its calendar day there. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * What the summary endpoint is asked: from local midnight of the first day, inclusive, to local midnight after the
 * last day, exclusive, as UTC instants.
 */
export function toSummaryRequest(range: DayRange, timeZone: string = browserTimeZone()) {
  return {
    from: new Date(`${range.from}T00:00:00`).toISOString(),
    to: new Date(`${addDays(range.to, 1)}T00:00:00`).toISOString(),
    timeZone,
  };
}
