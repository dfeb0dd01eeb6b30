import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '@/components/status-badge';
import type { OrderDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';

/** An order as a courier needs it on a phone: where to go, for whom, and one big action. */
export function DeliveryCard({ order, action }: { order: OrderDto; action?: ReactNode }) {
  const address = order.deliveryAddress;
  return (
    <li className="card order-card">
      <div className="row-between">
        <Link to={`/orders/${order.id}`} className="mono" aria-label={`Order ${order.trackingCode}, ${order.customer.name}`}>
          {order.trackingCode}
        </Link>
        <StatusBadge status={order.status} />
      </div>
      <p className="order-card__address">
        <strong>{address.line1}</strong>
        {address.line2 && `, ${address.line2}`}
        <br />
        {address.postalCode} {address.city}
      </p>
      <p className="muted small">
        For {order.customer.name} · {order.items.length} item{order.items.length === 1 ? '' : 's'}
        {order.estimatedDeliveryAt && ` · due ${formatDateTime(order.estimatedDeliveryAt)}`}
      </p>
      {action}
    </li>
  );
}
