import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePartnerCommand, IssueApiKeyRequest, UpdatePartnerRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const partnerKeys = {
  all: ['partners'] as const,
  list: () => [...partnerKeys.all, 'list'] as const,
  apiKeys: (partnerId: string) => [...partnerKeys.all, partnerId, 'api-keys'] as const,
};

export function usePartners() {
  const api = useApi();
  return useQuery({ queryKey: partnerKeys.list(), queryFn: ({ signal }) => apiCall(api.partners.list(signal)) });
}

export function useCreatePartner() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: CreatePartnerCommand) => apiCall(api.partners.create(command)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['assignees'] });
    },
  });
}

export function useUpdatePartner() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdatePartnerRequest & { id: string }) => apiCall(api.partners.update(id, request)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['assignees'] });
    },
  });
}

export function useApiKeys(partnerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: partnerKeys.apiKeys(partnerId),
    queryFn: ({ signal }) => apiCall(api.partners.listApiKeys(partnerId, signal)),
  });
}

/** Issues a key; the answer holds the full key, which the API never shows again. */
export function useIssueApiKey(partnerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: IssueApiKeyRequest) => apiCall(api.partners.issueApiKey(partnerId, request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.apiKeys(partnerId) }),
  });
}

export function useRevokeApiKey(partnerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiCall(api.partners.revokeApiKey(partnerId, keyId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.apiKeys(partnerId) }),
  });
}
