import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { toApiError } from '@/lib/errors';
import { useCurrentUser } from '@/lib/use-session';
import { useExportOrders } from '../api/use-export-orders';
import { useOrderCount } from '../api/use-order-count';
import { useOrders } from '../api/use-orders';
import { useUsersOfRole } from '../api/use-people';
import { useOrderFilters } from '../hooks/use-order-filters';
import { OrderFiltersForm } from './order-filters-form';
import { OrdersTable } from './orders-table';

const counted = new Intl.NumberFormat();

/** The API counts up to 10 000; past that it says "10 000+". */
function countLabel(count: number, isCapped: boolean): string {
  return `${counted.format(count)}${isCapped ? '+' : ''} order${count === 1 && !isCapped ? '' : 's'}`;
}

/** Filters (kept in the URL), the table, "load more" over the cursor, and a CSV export of the same filters. */
export function OrdersList() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'Admin';
  const { filters, setFilters } = useOrderFilters();
  const orders = useOrders(filters);
  const count = useOrderCount(filters);
  const merchants = useUsersOfRole('Merchant', isAdmin);
  const exportOrders = useExportOrders();

  const rows = orders.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  const filtered =
    filters.status.length > 0 ||
    !!filters.search ||
    !!filters.from ||
    !!filters.to ||
    !!filters.merchantId ||
    filters.unassigned ||
    filters.overdue;

  return (
    <div className="stack">
      <OrderFiltersForm
        key={JSON.stringify({ ...filters, search: undefined })}
        filters={filters}
        onChange={setFilters}
        merchants={isAdmin ? (merchants.data ?? []) : undefined}
        dispatch={isAdmin || user.role === 'Merchant'}
      />

      <div className="row-between">
        <p className="muted" aria-live="polite">
          {orders.isSuccess && `${rows.length} shown`}
          {orders.isSuccess && count.data && ` of ${countLabel(count.data.count ?? 0, count.data.isCapped ?? false)}`}
        </p>
        <Button variant="secondary" onClick={() => exportOrders.mutate(filters)} loading={exportOrders.isPending}>
          Export CSV
        </Button>
      </div>
      {exportOrders.isError && <Alert tone="danger">{toApiError(exportOrders.error).userMessage}</Alert>}

      {orders.isPending ? (
        <LoadingState label="Loading orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} title="Could not load the orders" onRetry={() => orders.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={filtered ? 'No orders match these filters' : 'No orders yet'}
          description={filtered ? 'Change or clear the filters to see more.' : 'Orders you create appear here.'}
        />
      ) : (
        <>
          <OrdersTable orders={rows} caption="Orders" />
          {orders.hasNextPage && (
            <div className="row" style={{ justifyContent: 'center' }}>
              <Button variant="secondary" onClick={() => orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          )}
          {orders.isFetchNextPageError && <Alert tone="danger">Could not load more orders. Try again.</Alert>}
        </>
      )}
    </div>
  );
}
