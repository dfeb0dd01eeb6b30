import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast/use-toast';
import { CreateOrderForm } from '@/features/orders/components/create-order-form';

export default function NewOrderRoute() {
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className="app-main--narrow" style={{ margin: '0 auto' }}>
      <PageHeader title="New order" description="The customer gets a tracking code to follow the delivery." />
      <CreateOrderForm
        onCreated={(order) => {
          toast(`Order ${order.trackingCode} created.`);
          navigate(`/orders/${order.id}`);
        }}
      />
    </div>
  );
}
