import type { DeliveryConfirmationDto } from '@/lib/api/generated';

/** "Delivered to J. Smith, signed", and the delivery photo only when the merchant shows it to its customers. */
export function DeliveryConfirmation({ trackingCode, delivery }: { trackingCode: string; delivery?: DeliveryConfirmationDto }) {
  if (!delivery || (!delivery.recipientName && !delivery.recipientSigned && !delivery.hasPhoto)) return null;
  const to = delivery.recipientName ? `Delivered to ${delivery.recipientName}` : 'Delivered';
  return (
    <div className="stack-sm">
      <p>
        <strong>
          {to}
          {delivery.recipientSigned ? ', signed' : ''}
        </strong>
      </p>
      {delivery.hasPhoto && (
        <img
          src={`/api/tracking/${encodeURIComponent(trackingCode)}/delivery-photo`}
          alt="Your parcel where it was delivered"
          style={{ maxWidth: '100%', maxHeight: 280, borderRadius: 'var(--radius-sm)', objectFit: 'contain' }}
        />
      )}
    </div>
  );
}
