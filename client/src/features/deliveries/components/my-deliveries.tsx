import { useEffect, useState } from 'react';
import { ButtonLink } from '@/components/ui/button-link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useCurrentUser } from '@/lib/use-session';
import { usePrefetchDeliveryNeeds } from '../api/use-courier-order';
import { useMyDeliveries } from '../api/use-deliveries';
import { expectedState } from '../outbox/courier-steps';
import { useOutbox } from '../outbox/outbox-context';
import { DeliveryCard } from './delivery-card';

export function MyDeliveries() {
  const user = useCurrentUser();
  const [showAll, setShowAll] = useState(false);
  const deliveries = useMyDeliveries(user.id, !showAll);
  const orders = deliveries.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const outbox = useOutbox();
  const prefetch = usePrefetchDeliveryNeeds();
  // What each open delivery needs offline is read while there is a signal.
  useEffect(() => {
    if (deliveries.data) prefetch(deliveries.data.pages.flatMap((p) => p.items ?? []));
  }, [deliveries.data, prefetch]);

  return (
    <div className="stack">
      <div className="row" role="group" aria-label="Which deliveries">
        <Button variant={showAll ? 'secondary' : 'primary'} aria-pressed={!showAll} onClick={() => setShowAll(false)}>
          To do
        </Button>
        <Button variant={showAll ? 'primary' : 'secondary'} aria-pressed={showAll} onClick={() => setShowAll(true)}>
          All
        </Button>
      </div>
      {deliveries.isPending ? (
        <LoadingState label="Loading your deliveries…" />
      ) : deliveries.isError && orders.length === 0 ? (
        <ErrorState error={deliveries.error} title="Could not load your deliveries" onRetry={() => deliveries.refetch()} />
      ) : orders.length === 0 ? (
        <EmptyState
          title={showAll ? 'No deliveries yet' : 'Nothing to deliver right now'}
          description="Claim an order that is ready for pickup to start."
          action={
            <ButtonLink to="/courier/available" variant="primary" size="lg">
              See orders ready for pickup
            </ButtonLink>
          }
        />
      ) : (
        <>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="My deliveries">
            {orders.map((order) => (
              <DeliveryCard
                key={order.id}
                order={order}
                expected={{
                  status: expectedState(order, outbox.changes).status,
                  waiting: expectedState(order, outbox.changes).waiting.length,
                }}
                action={
                  order.allowedTransitions.length > 0 && (
                    <ButtonLink to={`/courier/orders/${order.id}`} variant="primary" size="lg" block>
                      Open delivery
                    </ButtonLink>
                  )
                }
              />
            ))}
          </ul>
          {deliveries.hasNextPage && (
            <Button variant="secondary" size="lg" block onClick={() => deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}
