import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailPreviewRequest, NotificationSettingsRequest, OrderStatus, PauseNotificationsRequest } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';

export const notificationSettingsKey = (merchantId: string) => ['notification-settings', merchantId] as const;

export function useNotificationSettings(merchantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: notificationSettingsKey(merchantId),
    queryFn: ({ signal }) => apiCall(api.notificationSettings.get(merchantId, signal)),
    retry: false,
  });
}

export function useSaveNotificationSettings(merchantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NotificationSettingsRequest) => apiCall(api.notificationSettings.save(merchantId, request)),
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKey(merchantId), saved),
  });
}

export function usePauseNotifications(merchantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PauseNotificationsRequest) => apiCall(api.notificationSettings.pause(merchantId, request)),
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKey(merchantId), saved),
  });
}

/** The e-mail for one event with the look being edited; refetched whenever the event or the look changes. */
export function useEmailPreview(merchantId: string, request: EmailPreviewRequest | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['notification-preview', merchantId, request] as const,
    queryFn: ({ signal }) => apiCall(api.notificationSettings.preview(merchantId, request!, signal)),
    enabled: request !== null,
    retry: false,
    placeholderData: (previous) => previous,
  });
}

export function useSendTestEmail(merchantId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (event: OrderStatus) => apiCall(api.notificationSettings.sendTest(merchantId, { event })),
  });
}
