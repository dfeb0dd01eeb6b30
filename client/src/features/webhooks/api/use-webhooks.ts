import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

/**
 * Whose endpoints: the signed-in merchant's own (neither id), a delivery partner's (admins), or a merchant's as an
 * admin oversees them (`merchantId`).
 */
export type WebhookOwner = { partnerId?: string; merchantId?: string };

/**
 * Whether the viewer manages the owner's endpoints (adds, edits, tests, resends, rotates secrets) or only oversees
 * them. An admin oversees a merchant's endpoints: list, enable, disable, delete and read the log, but never changes
 * where the merchant's data goes nor gets its secret; the API refuses those with 403 as well.
 */
export function managesEndpoints(owner: WebhookOwner): boolean {
  return !owner.merchantId;
}

export const webhookEventTypes = ['order.created', 'order.status_changed', 'order.assigned'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const webhookEventLabels: Record<WebhookEventType, string> = {
  'order.created': 'Order created',
  'order.status_changed': 'Status changed',
  'order.assigned': 'Assigned',
};

export const webhookKeys = {
  all: ['webhooks'] as const,
  endpoints: (owner: WebhookOwner) =>
    [
      ...webhookKeys.all,
      'endpoints',
      owner.partnerId ? `partner:${owner.partnerId}` : owner.merchantId ? `merchant:${owner.merchantId}` : 'mine',
    ] as const,
  deliveries: (endpointId: string) => [...webhookKeys.all, endpointId, 'deliveries'] as const,
  delivery: (endpointId: string, deliveryId: string) => [...webhookKeys.deliveries(endpointId), deliveryId] as const,
};

/** While a delivery is pending the worker changes it on its own: keep what is open current. */
const pendingRefetchMs = 2_000;

export function useWebhookEndpoints(owner: WebhookOwner) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.endpoints(owner),
    queryFn: ({ signal }) =>
      apiCall(
        owner.partnerId
          ? api.webhooks.listForPartner(owner.partnerId, signal)
          : owner.merchantId
            ? api.webhooks.listForMerchant(owner.merchantId, signal)
            : api.webhooks.listMine(signal),
      ),
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

/** Changes the address or events, or enables/disables the endpoint; only the fields given change. */
export function useUpdateWebhookEndpoint(owner: WebhookOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateWebhookEndpointRequest & { id: string }) => apiCall(api.webhooks.update(id, request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(owner) }),
  });
}

/** Deletes the endpoint and its delivery log. */
export function useDeleteWebhookEndpoint(owner: WebhookOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => apiCall(api.webhooks.delete(endpointId)),
    onSuccess: (_, endpointId) => {
      queryClient.removeQueries({ queryKey: webhookKeys.deliveries(endpointId) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints(owner) });
    },
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

/** Sends an `endpoint.test` event through the normal delivery path; it shows in the log like any delivery. */
export function useSendWebhookTest() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => apiCall(api.webhooks.sendTest(endpointId)),
    onSuccess: (_, endpointId) => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}

export function useWebhookDeliveries(endpointId: string) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ signal }) => apiCall(api.webhooks.listDeliveries(endpointId, signal)),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'Pending') ? pendingRefetchMs : false),
  });
}

/** One delivery with its body and every attempt's request and answer. */
export function useWebhookDelivery(endpointId: string, deliveryId: string) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.delivery(endpointId, deliveryId),
    queryFn: ({ signal }) => apiCall(api.webhooks.getDelivery(endpointId, deliveryId, signal)),
    refetchInterval: (query) => (query.state.data?.delivery?.status === 'Pending' ? pendingRefetchMs : false),
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
