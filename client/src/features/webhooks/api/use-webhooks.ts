import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/** Whose endpoints: the signed-in merchant's own, or (admins) a delivery partner's. */
export type WebhookOwner = { partnerId?: string };

export const webhookEventTypes = ['order.created', 'order.status_changed', 'order.assigned'] as const;

export const webhookEventLabels: Record<(typeof webhookEventTypes)[number], string> = {
  'order.created': 'Order created',
  'order.status_changed': 'Status changed',
  'order.assigned': 'Assigned',
};

export const webhookKeys = {
  all: ['webhooks'] as const,
  endpoints: (owner: WebhookOwner) => [...webhookKeys.all, 'endpoints', owner.partnerId ?? 'mine'] as const,
  deliveries: (endpointId: string) => [...webhookKeys.all, endpointId, 'deliveries'] as const,
};

export function useWebhookEndpoints(owner: WebhookOwner) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.endpoints(owner),
    queryFn: ({ signal }) =>
      apiCall(owner.partnerId ? api.webhooks.listForPartner(owner.partnerId, signal) : api.webhooks.listMine(signal)),
  });
}

/** Adds an endpoint; the answer holds its signing secret, which the API shows this once. */
export function useCreateWebhookEndpoint(owner: WebhookOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateWebhookEndpointRequest) =>
      apiCall(owner.partnerId ? api.webhooks.createForPartner(owner.partnerId, request) : api.webhooks.createMine(request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(owner) }),
  });
}

export function useUpdateWebhookEndpoint(owner: WebhookOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateWebhookEndpointRequest & { id: string }) => apiCall(api.webhooks.update(id, request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(owner) }),
  });
}

/** A new secret, shown once; the previous one keeps signing for 24 hours. */
export function useRotateWebhookSecret(owner: WebhookOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => apiCall(api.webhooks.rotateSecret(endpointId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(owner) }),
  });
}

export function useWebhookDeliveries(endpointId: string) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ signal }) => apiCall(api.webhooks.listDeliveries(endpointId, signal)),
    // Pending deliveries change on their own (the worker retries them): keep the log current while it is open.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'Pending') ? 2_000 : false),
  });
}

export function useResendWebhookDelivery(endpointId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => apiCall(api.webhooks.resend(endpointId, deliveryId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}
