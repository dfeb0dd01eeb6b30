import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useToast } from '@/components/ui/toast/use-toast';
import { toApiError } from '@/lib/errors';
import { useOnline } from '@/lib/offline/use-online';
import { useAvailableOrders, useClaimOrder } from '../api/use-deliveries';
import { DeliveryCard } from './delivery-card';

export function AvailableOrders() {
  const available = useAvailableOrders();
  const claim = useClaimOrder();
  const toast = useToast();
  const navigate = useNavigate();
  const orders = available.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const claimError = claim.error ? toApiError(claim.error) : undefined;
  const online = useOnline();

  function claimOrder(orderId: string, trackingCode: string) {
    claim.mutate(orderId, {
      onSuccess: (order) => {
        toast(`You have ${trackingCode}. Pick it up next.`);
        navigate(`/courier/orders/${order.id}`);
      },
    });
  }

  return (
    <div className="stack">
      {!online && <Alert tone="info">Claiming an order needs a signal: the other couriers must see that it is taken.</Alert>}
      {claimError && (
        <Alert tone="warning" title="Could not claim that order">
          {claimError.kind === 'conflict' || claimError.kind === 'invalid-transition'
            ? 'Another courier was faster. The list is up to date again.'
            : claimError.userMessage}
        </Alert>
      )}
      {available.isPending && !online ? (
        <EmptyState title="No signal" description="Orders ready for pickup show here when there is a signal again." />
      ) : available.isPending ? (
        <LoadingState label="Loading orders ready for pickup…" />
      ) : available.isError ? (
        <ErrorState error={available.error} title="Could not load the orders" onRetry={() => available.refetch()} />
      ) : orders.length === 0 && !available.hasNextPage ? (
        <EmptyState
          title="No orders waiting for pickup"
          description="New ones appear here when merchants mark them ready."
          action={
            <Button variant="secondary" onClick={() => available.refetch()} loading={available.isRefetching}>
              Refresh
            </Button>
          }
        />
      ) : (
        <>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Orders ready for pickup">
            {orders.map((order) => (
              <DeliveryCard
                key={order.id}
                order={order}
                action={
                  <Button
                    size="lg"
                    block
                    loading={claim.isPending && claim.variables === order.id}
                    disabled={claim.isPending || !online}
                    onClick={() => claimOrder(order.id, order.trackingCode)}
                    aria-label={`Claim ${order.trackingCode}`}
                  >
                    Claim
                  </Button>
                }
              />
            ))}
          </ul>
          {available.hasNextPage && (
            <Button variant="secondary" size="lg" block onClick={() => available.fetchNextPage()} loading={available.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}
