import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useApi } from '@/lib/api-context';
import { apiCall } from '@/lib/errors';
import { orderKeys } from './order-keys';

export function useProofOfDelivery(orderId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...orderKeys.all, 'proof-of-delivery', orderId] as const,
    queryFn: ({ signal }) => apiCall(api.orders.proofOfDelivery(orderId, signal)),
    enabled,
  });
}

/**
 * A proof image as an object URL: read through the authorized route with the session's token (an <img> cannot send
 * it), released when the component goes.
 */
export function useProofImage(orderId: string, kind: 'photo' | 'signature', enabled: boolean): string | undefined {
  const api = useApi();
  const image = useQuery({
    queryKey: [...orderKeys.all, 'proof-image', orderId, kind] as const,
    queryFn: ({ signal }) =>
      apiCall(kind === 'photo' ? api.orders.proofOfDeliveryPhoto(orderId, signal) : api.orders.proofOfDeliverySignature(orderId, signal)),
    enabled,
    staleTime: Infinity,
  });
  const blob = image.data?.data;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}
