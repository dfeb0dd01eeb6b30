import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MapLink } from '@/components/postal-address';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import type { OrderDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import styles from './delivery-card.module.css';

/**
 * An order as a courier needs it on a phone: where to go, for whom, and one big action. Until the parcel is picked
 * up that is first the pickup address (the API sends it until then). An order of the pickup pool comes without
 * customer and street (the API shows a courier only its area until it claims it).
 */
export function DeliveryCard({
  order,
  action,
  expected,
}: {
  order: OrderDto;
  action?: ReactNode;
  expected?: { status: OrderDto['status']; waiting: number };
}) {
  const { deliveryAddress: address, customer, deliveryArea: area, pickup } = order;
  const label = customer ? `Order ${order.trackingCode}, ${customer.name}` : `Order ${order.trackingCode}, ${area.postalCode} ${area.city}`;
  return (
    <li className={`card ${styles.card}`}>
      <div className="row-between">
        <Link to={`/courier/orders/${order.id}`} className="mono" aria-label={label}>
          {order.trackingCode}
        </Link>
        <StatusBadge status={expected?.status ?? order.status} />
      </div>
      {pickup?.address && (
        <div>
          <p className={styles.address}>
            <span className="muted small">Collect from {pickup.label}</span>
            <br />
            <strong>{pickup.address.line1}</strong>
            {pickup.address.line2 && `, ${pickup.address.line2}`}
            <br />
            {pickup.address.postalCode} {pickup.address.city}
          </p>
          {pickup.instructions && <p className="small">{pickup.instructions}</p>}
          {pickup.mapUrl && <MapLink href={pickup.mapUrl} place={`pickup of ${order.trackingCode}`} />}
        </div>
      )}
      <p className={styles.address}>
        {pickup && (
          <>
            <span className="muted small">Deliver to</span>
            <br />
          </>
        )}
        {address && (
          <>
            <strong>{address.line1}</strong>
            {address.line2 && `, ${address.line2}`}
            <br />
          </>
        )}
        {area.postalCode} {area.city}
      </p>
      {order.deliveryMapUrl && <MapLink href={order.deliveryMapUrl} place={`drop-off of ${order.trackingCode}`} />}
      <p className="muted small">
        {customer ? `For ${customer.name}` : 'Claim it to see the customer and street'} · {order.items.length} item
        {order.items.length === 1 ? '' : 's'}
        {order.estimatedDeliveryAt && ` · due ${formatDateTime(order.estimatedDeliveryAt)}`}
      </p>
      {!!expected?.waiting && (
        <p className="small">
          <Badge tone="warning">
            {expected.waiting} {expected.waiting === 1 ? 'change' : 'changes'} waiting to send
          </Badge>
        </p>
      )}
      {action}
    </li>
  );
}
