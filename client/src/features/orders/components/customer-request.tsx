import { Alert } from '@/components/ui/alert';
import type { CustomerDeliveryRequestDto } from '@/lib/api/generated';
import { formatDate, formatDateTime } from '@/lib/format';

/** What the customer asked for after a failed attempt, for the merchant and the courier. */
export function CustomerRequest({ request }: { request?: CustomerDeliveryRequestDto }) {
  if (!request) return null;
  return (
    <Alert tone="info" title={`The customer asked, ${formatDateTime(request.requestedAt)}`}>
      {request.instructions && <p>“{request.instructions}”</p>}
      {request.preferredDate && <p>Preferred day: {formatDate(`${request.preferredDate}T12:00:00Z`)}</p>}
    </Alert>
  );
}
