import { ButtonLink } from '@/components/ui/button-link';
import { PageHeader } from '@/components/ui/page-header';
import { OrdersList } from '@/features/orders/components/orders-list';
import { useCurrentUser } from '@/lib/use-session';

export default function OrdersRoute() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title={user.role === 'Admin' ? 'All orders' : 'Orders'}
        description={user.role === 'Admin' ? 'Every merchant’s orders.' : 'Your orders, newest first.'}
        actions={
          <ButtonLink to="/orders/new" variant="primary">
            New order
          </ButtonLink>
        }
      />
      <OrdersList />
    </>
  );
}
