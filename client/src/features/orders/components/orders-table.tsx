import { Link } from 'react-router';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import type { OrderDto } from '@/lib/api/generated';
import { formatDateTime, formatMoney, shortId } from '@/lib/format';
import { useCurrentUser } from '@/lib/use-session';
import { useAssignees } from '../api/use-assignees';
import { useUsersOfRole } from '../api/use-people';
import tableStyles from '@/components/ui/table.module.css';

export function OrdersTable({ orders, caption }: { orders: OrderDto[]; caption: string }) {
  // An admin sees every merchant's orders: say whose each one is.
  const isAdmin = useCurrentUser().role === 'Admin';
  const merchants = useUsersOfRole('Merchant', isAdmin);
  const merchantName = (id: string) => merchants.data?.find((m) => m.id === id)?.displayName ?? `…${shortId(id)}`;
  // And who delivers each one: a courier, a delivery partner, or nobody yet.
  const assignees = useAssignees(isAdmin);
  const assignedTo = (order: OrderDto) =>
    order.assignedCourierId
      ? `Courier ${assignees.data?.couriers?.find((c) => c.id === order.assignedCourierId)?.name ?? `…${shortId(order.assignedCourierId)}`}`
      : order.assignedPartnerId
        ? `Partner ${assignees.data?.partners?.find((p) => p.id === order.assignedPartnerId)?.name ?? `…${shortId(order.assignedPartnerId)}`}`
        : 'Unassigned';
  return (
    <div className={`${tableStyles.wrap} card`} style={{ padding: 0 }} role="region" aria-label={caption} tabIndex={0}>
      <table className={`${tableStyles.table} ${tableStyles.stack}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tracking code</th>
            {isAdmin && <th scope="col">Merchant</th>}
            {isAdmin && <th scope="col">Assigned to</th>}
            <th scope="col">Customer</th>
            <th scope="col">City</th>
            <th scope="col">Status</th>
            <th scope="col" className={tableStyles.num}>
              Total
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <Link to={`/orders/${order.id}`} className="mono">
                  {order.trackingCode}
                </Link>
              </td>
              {isAdmin && <td data-label="Merchant">{merchantName(order.merchantId)}</td>}
              {isAdmin && <td data-label="Assigned to">{assignedTo(order)}</td>}
              <td data-label="Customer">{order.customer?.name ?? '—'}</td>
              <td data-label="City">{order.deliveryArea.city}</td>
              <td>
                <StatusBadge status={order.status} /> {order.isOverdue && <Badge tone="danger">Overdue</Badge>}
              </td>
              <td data-label="Total" className={tableStyles.num}>
                {formatMoney(order.total, order.currency)}
              </td>
              <td data-label="Created">{formatDateTime(order.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
