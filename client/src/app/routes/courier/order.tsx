import { Link, useParams } from 'react-router';
import { CourierOrder } from '@/features/deliveries/components/courier-order';

export default function CourierOrderRoute() {
  const { orderId = '' } = useParams();
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        <Link to="/courier">← My deliveries</Link>
      </nav>
      <CourierOrder key={orderId} orderId={orderId} />
    </div>
  );
}
