import { PageHeader } from '@/components/ui/page-header';
import { MyDeliveries } from '@/features/deliveries/components/my-deliveries';

export default function MyDeliveriesRoute() {
  return (
    <>
      <PageHeader title="My deliveries" description="Orders assigned to you." />
      <MyDeliveries />
    </>
  );
}
