import { PageHeader } from '@/components/ui/page-header';
import { AvailableOrders } from '@/features/deliveries/components/available-orders';

export default function AvailableOrdersRoute() {
  return (
    <div className="app-main--narrow" style={{ margin: '0 auto' }}>
      <PageHeader title="Ready for pickup" description="Claim an order to deliver it." />
      <AvailableOrders />
    </div>
  );
}
