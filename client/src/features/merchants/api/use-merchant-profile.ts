import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PickupLocationRequest, SaveMerchantProfileRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const merchantProfileKey = (merchantId: string) => ['merchant-profile', merchantId] as const;

export function useMerchantProfile(merchantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: merchantProfileKey(merchantId),
    queryFn: ({ signal }) => apiCall(api.merchants.getProfile(merchantId, signal)),
    retry: false,
  });
}

function useProfileChanged(merchantId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: merchantProfileKey(merchantId) });
}

export function useSaveMerchantProfile(merchantId: string) {
  const api = useApi();
  const changed = useProfileChanged(merchantId);
  return useMutation({
    mutationFn: (request: SaveMerchantProfileRequest) => apiCall(api.merchants.saveProfile(merchantId, request)),
    onSuccess: changed,
  });
}

export function useSavePickupLocation(merchantId: string) {
  const api = useApi();
  const changed = useProfileChanged(merchantId);
  return useMutation({
    mutationFn: ({ locationId, request }: { locationId?: string; request: PickupLocationRequest }) =>
      apiCall(
        locationId
          ? api.merchants.updatePickupLocation(merchantId, locationId, request)
          : api.merchants.addPickupLocation(merchantId, request),
      ),
    onSuccess: changed,
  });
}

export function useRemovePickupLocation(merchantId: string) {
  const api = useApi();
  const changed = useProfileChanged(merchantId);
  return useMutation({
    mutationFn: (locationId: string) => apiCall(api.merchants.removePickupLocation(merchantId, locationId)),
    onSuccess: changed,
  });
}
