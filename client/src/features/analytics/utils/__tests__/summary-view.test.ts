import { addDays, daysIn, presetRange, rangeError, toSummaryRequest } from '../date-range';
import { formatMinutes, formatRate } from '../summary-view';

describe('formatMinutes', () => {
  it.each([
    [undefined, '—'],
    [0, '0 min'],
    [44.6, '45 min'],
    [59.6, '1 h'],
    [125, '2 h 5 min'],
    [1439, '23 h 59 min'],
    [1440, '1 d'],
    [1560, '1 d 2 h'],
    [156 * 60 + 52, '6 d 13 h'],
  ])('%s → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
});

describe('formatRate', () => {
  it('writes a share as a percentage and nothing as a dash', () => {
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(undefined)).toBe('—');
  });
});

describe('date ranges', () => {
  it('counts calendar days across a daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysIn({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
  });

  it('makes a preset of N days that ends today', () => {
    const range = presetRange(7, new Date(2026, 10, 20, 23, 30));
    expect(range).toEqual({ from: '2026-11-14', to: '2026-11-20' });
  });

  it('asks from the first local midnight to the local midnight after the last day', () => {
    const request = toSummaryRequest({ from: '2026-11-01', to: '2026-11-30' }, 'Europe/Berlin');
    expect(new Date(request.from).getTime()).toBe(new Date('2026-11-01T00:00:00').getTime());
    expect(new Date(request.to).getTime()).toBe(new Date('2026-12-01T00:00:00').getTime());
    expect(request.timeZone).toBe('Europe/Berlin');
  });

  it('refuses reversed, missing and too long ranges', () => {
    expect(rangeError({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/before the start/);
    expect(rangeError({ from: '', to: '2026-11-01' })).toMatch(/Choose a start/);
    expect(rangeError({ from: '2024-01-01', to: '2026-11-01' })).toMatch(/at most 731 days/);
    expect(rangeError({ from: '2026-11-01', to: '2026-11-01' })).toBeUndefined();
  });
});
