import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isDay, presetRange, type DayRange } from '../utils/date-range';

export const defaultRangeDays = 30;

/** The dashboard's range lives in the URL (`?from=&to=`), so a view can be bookmarked; the last 30 days otherwise. */
export function useDashboardRange() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');

  const range = useMemo<DayRange>(() => (isDay(from) && isDay(to) ? { from, to } : presetRange(defaultRangeDays)), [from, to]);

  const setRange = useCallback(
    (next: DayRange) => setParams(new URLSearchParams({ from: next.from, to: next.to }), { replace: true }),
    [setParams],
  );

  return { range, setRange };
}
