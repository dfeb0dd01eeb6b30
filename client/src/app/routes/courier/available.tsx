import { PageHeader } from '@/components/ui/page-header';
import { AvailableOrders } from '@/features/deliveries/components/available-orders';

export default function AvailableOrdersRoute() {
  return (
    <>
      <PageHeader title="Ready for pickup" description="Claim an order to deliver it." />
      <AvailableOrders />
    </>
  );
}
