import { useQuery } from '@tanstack/react-query';
import type { PickupLocationDto } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall, toApiError } from '@/lib/errors';

/** The merchant's pickup locations for the create-order form; none when the merchant has no profile yet. */
export function usePickupLocations(merchantId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['pickup-locations', merchantId],
    queryFn: async ({ signal }): Promise<PickupLocationDto[]> => {
      try {
        return (await apiCall(api.merchants.getProfile(merchantId!, signal))).pickupLocations;
      } catch (error) {
        if (toApiError(error).kind === 'not-found') return [];
        throw error;
      }
    },
    enabled: !!merchantId,
    staleTime: 60_000,
  });
}
