import { Link, useParams } from 'react-router';
import { OrderEmails } from '@/features/notifications/components/order-emails';
import { OrderDetail } from '@/features/orders/components/order-detail';
import { useCurrentUser } from '@/lib/use-session';

export default function OrderDetailRoute() {
  const { orderId = '' } = useParams();
  const user = useCurrentUser();
  const back = user.role === 'Delivery' ? { to: '/courier', label: 'My deliveries' } : { to: '/orders', label: 'Orders' };
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        <Link to={back.to}>← {back.label}</Link>
      </nav>
      <OrderDetail key={orderId} orderId={orderId} />
      {(user.role === 'Merchant' || user.role === 'Admin') && <OrderEmails key={`emails-${orderId}`} orderId={orderId} />}
    </div>
  );
}
