import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { useFollowTracking } from '@/lib/live-updates-context';

export const trackingKeys = {
  code: (trackingCode: string) => ['tracking', trackingCode.toUpperCase()] as const,
};

/** The public view of one order (no personal data); on a page with a live connection it follows the code's changes. */
export function useTracking(trackingCode: string) {
  const api = useApi();
  useFollowTracking(trackingCode);
  return useQuery({
    queryKey: trackingKeys.code(trackingCode),
    queryFn: ({ signal }) => apiCall(api.tracking.get(trackingCode.trim().toUpperCase(), signal)),
    enabled: trackingCode.trim().length > 0,
  });
}
