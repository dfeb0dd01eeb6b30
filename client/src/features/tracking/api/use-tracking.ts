import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryRequestRequest, TrackingDto } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { useFollowTracking } from '@/lib/live-updates-context';

export const trackingKeys = {
  code: (trackingCode: string) => ['tracking', trackingCode.toUpperCase()] as const,
};

/**
 * When to read the view again without being told: as the arrival window ends, so a parcel that has not arrived by then
 * says "Running late" with a new window instead of showing a time already past.
 */
export function refetchAtWindowEnd(view: TrackingDto | undefined, now = Date.now()): number | false {
  const end = view?.arrival?.to ? Date.parse(view.arrival.to) : NaN;
  // At most ten minutes: a timer beyond 2^31 ms (an estimate weeks away) would fire at once, and again, and again.
  return Number.isFinite(end) ? Math.min(600_000, Math.max(15_000, end - now + 1_000)) : false;
}

/** The public view of one order (no personal data); on a page with a live connection it follows the code's changes. */
export function useTracking(trackingCode: string) {
  const api = useApi();
  useFollowTracking(trackingCode);
  return useQuery({
    queryKey: trackingKeys.code(trackingCode),
    queryFn: ({ signal }) => apiCall(api.tracking.get(trackingCode.trim().toUpperCase(), signal)),
    enabled: trackingCode.trim().length > 0,
    refetchInterval: (query) => refetchAtWindowEnd(query.state.data),
  });
}

/** Sends the customer's instructions or chosen day after a failed attempt; the view is read again afterwards. */
export function useRequestDelivery(trackingCode: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DeliveryRequestRequest) => apiCall(api.tracking.requestDelivery(trackingCode.trim().toUpperCase(), request)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trackingKeys.code(trackingCode) }),
  });
}
