import { LazyCourierMap } from '@/components/courier-map/lazy-courier-map';
import { Card } from '@/components/ui/card';
import type { OrderDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { useCourierPosition } from '../api/use-courier-position';

/** The merchant's and the admins' view of an order out for delivery: the courier on the map, moving live, and the address. */
export function OrderLiveMap({ order }: { order: OrderDto }) {
  const position = useCourierPosition(order.id, order.status === 'InTransit').data?.position;
  const address = order.deliveryAddress;
  const destination =
    address?.latitude != null && address.longitude != null ? { latitude: address.latitude, longitude: address.longitude } : undefined;
  if (order.status !== 'InTransit' || (!position && !destination)) return null;
  return (
    <Card title="Courier on the way">
      <LazyCourierMap
        label="Map of the courier on the way to the customer"
        courier={position ? { latitude: position.latitude!, longitude: position.longitude!, accuracy: position.accuracy ?? 0 } : undefined}
        destination={destination}
      />
      <p className="muted small" style={{ marginTop: 'var(--space-2)' }}>
        {position?.recordedAt ? `Courier seen ${formatDateTime(position.recordedAt)}` : 'The courier is not sharing a position yet.'}
      </p>
    </Card>
  );
}
