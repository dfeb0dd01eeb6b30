import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useOrders } from '../api/use-orders';
import { emptyFilters } from './order-filters-form';
import { OrdersTable } from './orders-table';

/** The orders assigned to one delivery partner, newest first, on the partner's page (admin). */
export function PartnerOrders({ partnerId }: { partnerId: string }) {
  const orders = useOrders({ ...emptyFilters, partnerId });
  const items = orders.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <Card title="Orders">
      {orders.isPending ? (
        <LoadingState label="Loading the partner’s orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} title="Could not load the partner’s orders" onRetry={() => orders.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No orders yet" description="Orders assigned to this partner show here." />
      ) : (
        <div className="stack">
          <OrdersTable orders={items} caption="Orders assigned to this partner" />
          {orders.hasNextPage && (
            <Button variant="secondary" loading={orders.isFetchingNextPage} onClick={() => orders.fetchNextPage()}>
              Load more
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
