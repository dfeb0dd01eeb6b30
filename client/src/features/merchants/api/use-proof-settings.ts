import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProofOfDeliverySettingsRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

const proofSettingsKey = (merchantId: string) => ['merchants', merchantId, 'proof-of-delivery-settings'] as const;

export function useProofSettings(merchantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: proofSettingsKey(merchantId),
    queryFn: ({ signal }) => apiCall(api.merchants.getProofOfDeliverySettings(merchantId, signal)),
  });
}

export function useSaveProofSettings(merchantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ProofOfDeliverySettingsRequest) => apiCall(api.merchants.saveProofOfDeliverySettings(merchantId, settings)),
    onSuccess: (saved) => queryClient.setQueryData(proofSettingsKey(merchantId), saved),
  });
}
