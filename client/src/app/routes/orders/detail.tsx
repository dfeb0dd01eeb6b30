import { Link, Navigate, useParams } from 'react-router';
import { OrderEmails } from '@/features/notifications/components/order-emails';
import { OrderDetail } from '@/features/orders/components/order-detail';
import { useCurrentUser } from '@/lib/use-session';

export default function OrderDetailRoute() {
  const { orderId = '' } = useParams();
  const user = useCurrentUser();
  // A courier's order opens in the courier's app, which works offline.
  if (user.role === 'Delivery') return <Navigate to={`/courier/orders/${orderId}`} replace />;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        <Link to="/orders">← Orders</Link>
      </nav>
      <OrderDetail key={orderId} orderId={orderId} />
      {(user.role === 'Merchant' || user.role === 'Admin') && <OrderEmails key={`emails-${orderId}`} orderId={orderId} />}
    </div>
  );
}
