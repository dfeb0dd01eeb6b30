import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { toSummaryRequest, type DayRange } from '../utils/date-range';
import { analyticsKeys } from './analytics-keys';

/**
 * The analytics summary of the orders created in `range` (local days, both included), with the per-day counts in the
 * browser's time zone. The previous range's figures stay on screen while another range loads.
 */
export function useAnalyticsSummary(range: DayRange, enabled = true) {
  const api = useApi();
  const request = toSummaryRequest(range);
  return useQuery({
    queryKey: analyticsKeys.summary(request),
    queryFn: ({ signal }) => apiCall(api.analytics.summary(request.from, request.to, request.timeZone, signal)),
    placeholderData: keepPreviousData,
    enabled,
  });
}
