import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const trackingKeys = {
  code: (trackingCode: string) => ['tracking', trackingCode.toUpperCase()] as const,
};

/** The public view of one order (no personal data). Live updates (issue 6) will invalidate this key. */
export function useTracking(trackingCode: string) {
  const api = useApi();
  return useQuery({
    queryKey: trackingKeys.code(trackingCode),
    queryFn: ({ signal }) => apiCall(api.tracking.get(trackingCode.trim().toUpperCase(), signal)),
    enabled: trackingCode.trim().length > 0,
  });
}
